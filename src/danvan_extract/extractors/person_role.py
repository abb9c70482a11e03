"""Person/role pairs: "Đồng chí Nguyễn Xuân Dậu, Trưởng Ban Dân vận Huyện ủy",
"Bộ trưởng Bộ Y tế Đào Hồng Lan", "Là Bí thư ..., anh Tráng Khuấy Hiệu",
"Ảnh: Thanh Lê", "các đồng chí: A - Role; B - Role", "nguyên Phó Chủ tịch
nước: A, B", "phó giám đốc là ông A".

Names are runs of capitalised (or upper-case) syllables; the role grammar
(titles, organization words, honorifics, bylines) comes from
``rules/persons.toml``.  Where a name has no known surname and no honorific
or list vouches for it, underthesea's NER is asked about a small window
around it.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache
from typing import Callable, Iterator, NamedTuple, Optional, TypeVar

import regex

from ..grammar.levels import NUMBERED, VIETNAMESE_UNITS
from ..scan.anchors import ScanPattern
from .base import Candidate, Context, GrammarAttributes, Lexicons, Spanned, match_at, opening_test
from .tones import fold_tones
from .person_names import MIDDLE_MARKERS, is_caps_name, is_vi_syllable, max_len, name_start
from ..grammar.pattern_cache import compile_regex, compile_std

_CONNECTORS = {"và", "&"}
_AND = " và "  # between two posts of one named person
# what follows the number of a numbered place's name: a name (after a dash
# too: "khu vực 1 - Điện Biên"), a mark or the end (not a counted noun: "xã
# Tân Lập 5 năm liền")
_NAME_NUMBER_END = compile_regex(r"[,;:.)]|[ ]+(?:[-–][ ]+)?\p{Lu}|\s*$")
_LAST_PAIR = compile_regex(r"(?<![\p{L}])(\p{L}+)[ ]+(\p{L}+)[ ]*$")
_RANK_ENDS = ("tướng", "tá", "úy", "uý", "đốc")
_MAX_ASIDES = 3  # an age, an address, a people between a name and its roles
_LOWER_WORD = compile_regex(r"[ ]+(\p{Ll}+)")
# the word before a run of capitalised words that ends a text (a level word
# before a place's name: "thôn Hòa Bình")
_PLACE_NAME_TAIL = compile_regex(r"(?<![\p{L}])(\p{Ll}+)(?:[ ]+\p{Lu}\p{L}*)+$")
# "số 5" after an organization's word: its number (not a document's "số 12/QĐ-…")
_NUMBER_NAME = compile_regex(r"[ ]+số[ ]+\d{1,3}(?![\p{N}\p{L}/\-]|[.,]\p{N})")
# "các", "hai", "3" right before a post: it is held by several people
# ("các đồng chí Ủy viên … A, B": the list's honorific is every person's)
_PLURAL_BEFORE = compile_regex(r"(?<![\p{L}\p{N}])(?:[Cc]ác|[Hh]ai|[Bb]a|[Bb]ốn|\d{1,2})(?:[ ]+(?P<hon>đồng chí))?[ ]+$")
# "phụ trách" (in charge of) ends a post only when nothing follows ("Phó
# Trưởng phòng phụ trách,"); before a lower-case word its object was not read
_IN_CHARGE = " phụ trách"
_IN_CHARGE_OF = ", phụ trách "
_LOWER_NEXT = compile_regex(r" \p{Ll}")
_ROMAN = compile_regex(r"[IVXL]+")
# A lower-case word of an organization: a level word ("thôn", "xã") or
# another head ("báo", "đoàn") that may open a word of its own ("báo cáo").
_LOWER_LEVEL, _LOWER_HEAD = 1, 2


def _lower_kind(w: str, level_words: set, heads: set) -> int:
    if not w.islower():
        return 0
    if w in level_words:
        return _LOWER_LEVEL
    return _LOWER_HEAD if w in heads else 0


# What a signed document's signature block holds (tested before its pattern).
# (one search of the standard library's engine: cheaper than a test per cue)
_SIGNATURE_CUE = compile_std("|".join(map(re.escape, ("TM.", "T/M", "KT.", "K/T", "TL.", "T/L", "TUQ.", "ký)"))))
_LIST_OPENER = compile_regex(r"^(?i:các)\s+")
_COLON = compile_regex(r"\s*:\s*")
_LABEL_COLON = compile_regex(r"[^\S\n]*:")  # (a post's colon on its line: a label)
_SPACES = compile_regex(r"\s*")
_LINE_END = compile_regex(r"[^\S\n]*(?:\n|$)")  # nothing more on the line
_NEXT_LINE = compile_regex(r"\n[^\S\n]*(?=\p{Lu})")  # a line break, a capital opening the next line
# the first letter of a word
_WORD_START = compile_regex(r"(?<![\p{L}])\p{L}")
_BLANKS = compile_regex(r"[ ]+")
_SENTENCE_END = compile_regex(r"[.!?:\n]")
# The characters after the first space where paren_acronym ("(UBND)") and
# dash_head ("- Cơ quan") may match: their opening, or a second space.
_PAREN_OPENERS = ("(", " ", "")
_DASH_OPENERS = ("-", "–", " ", "")


def _at(text: str, span: tuple[int, int]) -> Spanned:
    return Spanned.at(text, *span)


def _pattern_tail(text: str, lo: int, pos: int) -> str:
    """``text[lo:pos]`` as a pattern ending in "$" searched there reads its
    end: "$" also matches before a final line break."""
    tail = text[lo:pos]
    return tail[:-1] if tail.endswith("\n") else tail


_T = TypeVar("_T")

# What a word read after a title is to the organization (_read_word_kind).
_ENDS, _DIGITS, _CONNECTOR, _HEAD, _CAPITALISED, _LEVEL, _ORG_WORD, _OTHER = range(8)


def _per_word(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    """``fn``, remembering its answer for the words met most recently
    (``fn`` must read nothing but its word: the words of roles repeat)."""
    return lru_cache(maxsize=4096)(fn)


class _ListItem(NamedTuple):
    """One item of a list of people: its span, name, own roles, honorific,
    and the roles of the label it stands under."""
    start: int
    end: int
    name: Spanned
    roles: list
    honorific: Optional[str]
    labels: list


class PersonRoleExtractor(GrammarAttributes):
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
            "byline_bare_opening", "more_credit", "signature", "plural_name", "interviewer", "merged_after", "in_charge_post", "form_fields", "item_note", "name_card_opening", "merged_word", "name_photo_before")}})
        self.place_before = {w.lower() for w in place_before}
        # the last word of a name that a number ends: a unit of a numbered level ("thôn 2",
        # "khu phố 3"), or a numbered body of the persons rules ("tổ 5", "Ban Chỉ đạo 389")
        self.numbered_words = ({w.split()[-1] for w in NUMBERED}
                               | {w.lower() for w in p.numbered_names if " " not in w})
        # units named by a number whose last word alone is no unit ("Lữ đoàn 168", not "Công đoàn 3")
        self.numbered_pairs = {w.lower() for w in p.numbered_names if " " in w}
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

    def _name_first(self, ctx: Context) -> Iterator[Candidate]:
        """Bylines, "hon Name, Role", "Name - Role" lines and lists."""
        text = ctx.text
        for m, start, rule in self._credit_lines(ctx):
            if self._label_ends_title(text, m):
                continue
            label = _at(text, m.span("label"))
            if self._credit_names_person(m.group("name")):
                yield Candidate("person_role", start, m.end("name"), rule,
                                {"person": _at(text, m.span("name")), "roles": [label], "honorific": None})
            more = match_at(self.more_credit, text, m.end("name"), 80)
            while more is not None and self._credit_names_person(more.group("name")):
                # "Ảnh: Đức Anh - Văn Hùng": each credited person under the label
                yield Candidate("person_role", more.start("name"), more.end("name"), rule,
                                {"person": _at(text, more.span("name")), "roles": [label], "honorific": None})
                more = match_at(self.more_credit, text, more.end("name"), 80)
        for m in ctx.scan(self.hon_name_scan):
            name, nend = self._name(m.group("name"), m.start("name"))
            if name is None or nend != m.end("name"):
                continue
            if self._labelled_in_masthead(text, m.start()):
                continue  # "Phó Trưởng ban: Bà Name - Role" in a site's contact block
            roles, end = self._roles(text, m.end(), own_name=True)
            if not roles:
                # "ông A, 65 tuổi, Trưởng bản …", "bà B (ở thôn 3), Chi hội
                # trưởng …": an age or an address between stays in the span
                # several in a row: "(68 tuổi, ngụ ấp …)", "65 tuổi, ở thôn 3,"
                am = match_at(self.aside, text, m.end(), 90)
                for _ in range(_MAX_ASIDES):
                    if am is None:
                        break
                    roles, end = self._roles(text, am.end(), own_name=True)
                    if roles:
                        break
                    am = match_at(self.aside, text, am.end(), 90)
            if roles and m.group("sep").strip() == "(" and text[end:end + 1] == ")":
                end += 1  # the bracket closes inside the span
            if roles:
                yield Candidate("person_role", m.start(), end, "person_role.honorific_name_role",
                                {"person": _at(text, m.span("name")), "roles": roles, "honorific": self._hon(m.group("hon"))})
        for m in self._with_opening(ctx, self.name_dash_opening, self.dash_name_scan):
            name, _ = self._name(m.group("name"), m.start("name"))
            if name is None or name != m.group("name") or self._hon(name.split(" ")[0]):
                continue  # "Ông K'Điệp - …" opens with an honorific: no name of its own
            if self._in_list(ctx, m.start("name")):
                continue  # the list reading gives it the list's honorific
            if self._labelled_in_masthead(text, m.start("name")):
                continue
            roles, end = self._roles(text, m.end(), own_name=True)
            if roles and self._vouched(name, text, m.start("name"), end):
                yield Candidate("person_role", m.start("name"), end, "person_role.name_dash_role",
                                {"person": _at(text, m.span("name")), "roles": roles, "honorific": None})
        for m in ctx.scan(self.list_scan):
            yield from self._list_after_honorific(text, m)
        yield from self._signatures(text)
        yield from self._form_fields(ctx)
        yield from self._name_cards(ctx)

    def _name_cards(self, ctx: Context) -> Iterator[Candidate]:
        """"Ông Name" alone on a line and the post alone on the next (a
        quote card): a post that runs on into a sentence ("Chủ tịch UBND xã
        cho biết") is the next paragraph's subject, no post of the name."""
        text = ctx.text
        for m in self._with_opening(ctx, self.name_card_opening, self.name_card_scan):
            name, nend = self._name(m.group("name"), m.start("name"))
            if name is None or nend != m.end("name"):
                continue
            post = _NEXT_LINE.match(text, m.end())
            if post is None:
                continue
            roles, end = self._roles(text, post.end(), own_name=True)
            if roles and _LINE_END.match(text, end):
                yield Candidate("person_role", m.start("hon"), end, "person_role.name_card",
                                {"person": _at(text, m.span("name")), "roles": roles,
                                 "honorific": self._hon(m.group("hon"))})

    def _form_fields(self, ctx: Context) -> Iterator[Candidate]:
        """"Họ và tên: Name / Chức vụ: Role": a profile's form, the name
        and the post in labelled fields (span: the name through the post)."""
        if "chức vụ" not in ctx.lower and "chức danh" not in ctx.lower:
            return  # most articles hold no form
        text = ctx.text
        for m in self.form_fields.finditer(text):
            name, _ = self._name(m.group("name"), m.start("name"))
            if name is None or name != m.group("name"):
                continue
            roles, end = self._roles(text, m.end(), own_name=True)
            if roles:
                yield Candidate("person_role", m.start("name"), end, "person_role.form_fields",
                                {"person": _at(text, m.span("name")), "roles": roles, "honorific": None})

    def _signatures(self, text: str) -> Iterator[Candidate]:
        """"TM. BAN THƯỜNG VỤ / BÍ THƯ / (Đã ký) / Name": a signer and the
        post written above the name (the authority line is no role)."""
        if _SIGNATURE_CUE.search(text) is None:
            return  # most articles reproduce no signed document
        for m in self.signature.finditer(text):
            if not (m.group("auth") or m.group("signed")) or not self.title_re.fullmatch(m.group("role").strip()):
                continue
            name, _ = self._name(m.group("name"), m.start("name"))
            if name is None or name != m.group("name"):
                continue
            role_start = m.start("role")
            role = Spanned.at(text, role_start, role_start + len(m.group("role").rstrip()))
            yield Candidate("person_role", role_start, m.end("name"), "person_role.signature",
                            {"person": _at(text, m.span("name")), "roles": [role], "honorific": None})

    def _credit_lines(self, ctx: Context) -> Iterator[tuple[regex.Match, int, str]]:
        """Byline matches, each with where its span starts ("Ảnh: Name" at
        its label, "PV Name" alone on its line at the line's start) and its rule."""
        for m in ctx.scan(self.byline_scan):
            yield m, m.start(), self.byline_scan.name
        for m in self._with_opening(ctx, self.byline_bare_opening, self.byline_bare_scan):
            yield m, ctx.anchors.line_start(m.start("label")), self.byline_bare_scan.name

    def _label_ends_title(self, text: str, m: regex.Match) -> bool:
        """"Tổng Biên tập: Name": the label ("Biên tập") ends a title the
        words before it on its line open, or names the field of the body
        before it ("Ban biên tập"); the holder's post, no credit."""
        label_start, label_end = m.span("label")
        lo = max(text.rfind("\n", 0, label_start) + 1, label_start - 30)
        if not text[lo:label_start].strip():
            return False  # (most credits open their line: nothing before them)
        if self._last_word(text, label_start).lower() in self.org_heads:
            return True  # "Trưởng Ban biên tập: Name": the board's field, no credit
        for w in _WORD_START.finditer(text, lo, label_start):
            title = self.title_re.match(text, w.start(), min(len(text), label_end + 40))
            if title is not None and title.end() >= label_end:
                return True
        return False

    @staticmethod
    def _with_opening(ctx: Context, opening: regex.Pattern, scan: ScanPattern) -> list[regex.Match]:
        """The matches of ``scan``, a pattern that takes the line break (or
        punctuation) before what it reads, after the match of ``opening``,
        its twin at the text's start (one ``match``: no scan needed)."""
        first = opening.match(ctx.text)
        found = ctx.scan(scan)
        return [first, *found] if first else found

    # -- lists ------------------------------------------------------------------
    def _list_after_honorific(self, text: str, m: regex.Match) -> Iterator[Candidate]:
        """"các đồng chí: A - Role; B, Role", "các đồng chí Ủy viên Bộ Chính
        trị: A, B", "Các ông A, role; B, role"."""
        hon = self._hon(_LIST_OPENER.sub("", m.group("hon")))
        pos = m.end()
        head_roles, end = self._roles(text, pos + 1 if text[pos:pos + 1] == " " else pos, allow_name_end=True)
        if head_roles:
            pos = end
        colon = _COLON.match(text[pos:pos + 6])
        if colon is None and not head_roles and m.group("hon").lower().startswith("các"):
            words = match_at(self.head_words, text, pos, 80)
            if words is not None:
                colon = _SPACES.match(text[words.end():words.end() + 8])
                pos = words.end()
        if colon:
            pos += colon.end()
        elif head_roles:
            return  # "các đồng chí Bí thư Huyện ủy Name": the role-first form
        else:
            sp = _BLANKS.match(text[pos:pos + 4])
            if not sp:
                return
            pos += sp.end()
        if not m.group("hon").lower().startswith("các") and not colon:
            return  # a lone "đồng chí Name" is the honorific form
        yield from self._list_items(text, m.start(), pos, head_roles, hon)

    def _list_items(self, text: str, head_start: int, pos: int, head_roles: list[str],
                    hon: Optional[str]) -> Iterator[Candidate]:
        """Items "Name", "Name - Role, Role", "Name, Role" from ``pos``,
        joined by ";" (items with roles) or "," / "và" (bare names)."""
        items: list[_ListItem] = []
        labels = list(head_roles)  # the label the items from here are under
        for _ in range(60):
            bullet = match_at(self.bullet, text, pos, 8)
            if bullet:
                pos = bullet.end()
            item_start = pos
            relabelled = self._item_label(text, pos) if items else None
            if relabelled is not None:
                labels, pos = relabelled  # "…; Phó Trưởng ban: đồng chí B, …": a new label for what follows
            own_hon = hon
            hm = match_at(self.hon_at, text, pos, 20)
            if hm:
                own_hon = self._hon(hm.group("hon"))
                pos = hm.end()
            nm = match_at(self.name_re, text, pos, 60)
            if nm and text[nm.end() + 1:nm.end() + 2].islower():
                tm = match_at(self.title_re, text, pos, 300)
                if tm is not None and tm.end() > nm.end():
                    nm = None  # "Phó Bí thư Thường trực Name": a title's capitalised words, no name
            if not nm:
                # "các đồng chí: Bí thư Tỉnh ủy A; Chủ tịch UBND tỉnh B"
                item = self._role_name_item(text, pos)
                if item is None:
                    break
                roles, name, pos = item
                items.append(_ListItem(item_start, pos, Spanned.at(text, pos - len(name), pos), roles, own_hon, labels))
            else:
                name, _ = self._name(nm.group(0), pos)
                if name is None or name != nm.group(0):
                    break
                name = _at(text, nm.span())
                pos = nm.end()
                sep = match_at(self.name_sep, text, pos, 6)
                roles, end = ([], pos)
                if sep and sep.end() > pos:
                    roles, end = self._roles(text, sep.end(), own_name=True)
                if roles and text[pos:sep.end()].strip() == "(" and text[end:end + 1] == ")":
                    end += 1  # the bracket closes inside the span
                item_end = end if roles else nm.end()
                if roles:
                    pos = end
                else:
                    note = match_at(self.item_note, text, pos, 70)
                    if note is not None:
                        pos = note.end()  # "A (bản X), B (bản Y)": a note, no post
                items.append(_ListItem(item_start, item_end, name, roles, own_hon, labels))
            jm = match_at(self.item_sep, text, pos, 12)
            if not jm:
                break
            pos = jm.end()
        if not items or not (head_roles or any(item.roles for item in items)):
            return
        if head_roles and not any(item.roles for item in items) and self._predicate_before(text, head_start):
            return
        # one item under the head's label: its span opens at the label ("Chủ tịch HĐND: Đ/c A")
        alone_under_head = bool(head_roles) and sum(1 for item in items if item.labels is items[0].labels) == 1
        for i, item in enumerate(items):
            all_roles = list(item.labels) + item.roles
            if not all_roles:
                continue
            start = head_start if i == 0 and alone_under_head else item.start
            yield Candidate("person_role", start, item.end, "person_role.list",
                            {"person": item.name, "roles": all_roles, "honorific": item.honorific})

    def _item_label(self, text: str, pos: int) -> Optional[tuple[list[str], int]]:
        """(roles, where the item's name starts) when a post and its colon
        open the list item at ``pos`` ("Phó Trưởng ban: đồng chí B"); else None."""
        tm = match_at(self.title_re, text, pos, 300)
        if tm is None:
            return None
        roles, end = self._roles(text, pos, title=tm)
        colon = _COLON.match(text, end, end + 6) if roles else None
        return (roles, colon.end()) if colon else None

    def _labelled_in_masthead(self, text: str, pos: int) -> bool:
        """"Trưởng ban: Name - Role" in a site's contact block: a short label
        and its colon open the name's line, a masthead's cue is near."""
        line_start = text.rfind("\n", 0, pos) + 1
        hb = self.hon_before.search(text, max(line_start, pos - 12), pos)
        label = text[line_start:hb.start() if hb else pos].strip()  # "Trưởng ban: Đồng chí Name, Role"
        return (label.endswith(":") and len(label) <= 40
                and bool(self.masthead.search(text, max(0, pos - 300), min(len(text), pos + 300))))

    def _masthead(self, text: str, pos: int, opener: regex.Match) -> bool:
        """"Trưởng Ban: Name" in a site's contact block is page chrome."""
        if ":" not in opener.group(0):
            return False
        return bool(self.masthead.search(text, max(0, pos - 300), min(len(text), pos + 300)))

    def _role_name_item(self, text: str, pos: int) -> Optional[tuple[list[str], str, int]]:
        """A list item written "Role Name": (roles, name, end) or None."""
        if not match_at(self.title_re, text, pos, 300):
            return None
        roles, end = self._roles(text, pos, allow_name_end=True)
        nm = self.name_after_role.match(text, end, min(len(text), end + 80)) if roles else None
        if not nm:
            return None
        name, offset = self._name_in_run(nm.group("name"))
        if name is None or offset:
            return None
        return roles, name, nm.start("name") + len(name)

    def _predicate_before(self, text: str, pos: int) -> bool:
        """An election result or a predicate heads the list ("danh sách
        những người trúng cử đại biểu …: A, B"): no roles from it."""
        lo = max(0, pos - 150)
        line_start = text.rfind("\n", lo, pos) + 1
        return bool(self.list_predicates.search(text, max(line_start, lo), pos))

    # -- "Role [org] Name" and "Role, honorific Name" -----------------------
    def _role_first(self, ctx: Context, taken: list[tuple[int, int]]) -> Iterator[Candidate]:
        text = ctx.text
        pos = 0
        starts = [a for a, _ in taken]
        for m in ctx.scan(self.title_scan):
            if m.start() < pos:
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and taken[i][0] < m.start() < taken[i][1]:
                continue
            if self.post_object.search(text, max(0, m.start() - 14), m.start()):
                continue  # "bầu ông A giữ chức Chủ tịch HĐND xã, bà B …": a predicate's object
            if self.interviewer.search(text, max(0, m.start() - 10), m.end()):
                continue  # "Trao đổi với phóng viên, Đại tá A": the reporter, another person
            if self._named_after(text, m.start()):
                continue  # "Đền thờ Chủ tịch Hồ Chí Minh", "mang tên Đại tướng X": a place named after a person
            before = self._name_before(text, m.start())
            if before is not None and self._labelled_in_masthead(text, before[1]):
                continue  # "Trưởng ban: Đồng chí Name, Role" in a site's contact block
            if before is not None:
                # "…, ông bà Name, Role": the name is written first
                roles, end = self._roles(text, m.start(), allow_name_end=True)
                after_name = self.name_after_role.match(text, end, min(len(text), end + 60))
                if after_name and len(after_name.group("name").split(" ")) < 3:
                    # "Trường Tiểu học Kim Đồng": two syllables after an
                    # organization belong to it
                    roles, end = self._roles(text, m.start(), own_name=True)
                    after_name = None
                # "Name (Role)"; a photo mark before the comma is no bracket of the post's
                bracket = _pattern_tail(text, before[1], m.start()).rstrip(" ").endswith("(")
                if bracket and text[end:end + 1] != ")":
                    roles = []  # "Name (Role …" with more than posts in the bracket: no apposition
                if roles and not after_name:
                    if bracket:
                        end += 1  # "Name (Role)": the bracket closes inside the span
                    yield Candidate("person_role", before[1], end, "person_role.name_role",
                                    {"person": Spanned.at(text, before[1], before[1] + len(before[0])),
                                     "roles": roles, "honorific": None})
                    pos = end
                    continue
            roles, end = self._roles(text, m.start(), allow_name_end=True, title=m)
            if not roles or (len(roles) == 1 and roles[0] in self.bare_not_posts):
                continue  # "các đại biểu: A, B": the meeting's delegates
            start, honorific = m.start(), None
            hb = self.hon_before.search(text, max(0, m.start() - 12), m.start())
            if hb and not text[max(0, hb.start() - 4):hb.start()].lower().endswith("các "):
                start, honorific = hb.start(), self._hon(hb.group("hon"))
            window = ctx.lower[m.start():end + 200]
            # the career reading differs only where a term is written
            career = (self._career_list(text, m.start(), end)
                      if "khóa" in window or "khoá" in window or "nhiệm kỳ" in window else None)
            if career is not None:
                yield career
                pos = career.end
                continue
            after = text[end : end + 300]
            # "Chủ tịch HĐND: Đ/c Name", "nguyên Phó Chủ tịch nước: A, B",
            # "2 phó giám đốc là ông A và ông B"
            lm = self.list_opener.match(after)
            if lm and not self._predicate_before(text, m.start()) and not self._masthead(text, m.start(), lm):
                found = list(self._list_items(text, start, end + lm.end(), roles, None))
                if found:
                    yield from found
                    pos = found[-1].end
                    continue
            hm = self.role_then_hon.match(after)
            if hm:
                name, _ = self._name(hm.group("name"), end + hm.start("name"))
                if name and name == hm.group("name"):
                    yield Candidate("person_role", start, end + hm.end("name"), "person_role.role_then_honorific",
                                    {"person": Spanned.at(text, end + hm.start("name"), end + hm.end("name")),
                                     "roles": roles, "honorific": self._hon(hm.group("hon"))})
                    pos = end + hm.end()
                    continue
            nm = self.name_after_role.match(after)
            if not nm:
                continue
            raw = nm.group("name")
            name, offset = self._name_in_run(raw)
            if name is None or (offset == 0 and self._named_after(text, end + nm.start("name"))):
                continue
            if len(roles) > 1 and offset == 0 and self._named_org_end(text, end, roles[-1]):
                continue  # "…, Học viện Chính trị quốc gia Hồ Chí Minh": the organization's own name
            personal = end == m.end() and self._title_word(m.group(self._title_group)) in self.personal_titles
            if offset == 0 and len(name.split(" ")) == 2 and not personal and self._place_word_before(text, end):
                # "UBND huyện Văn Bàn", "Thành ủy Hà Nội": a place; after a
                # bare title that ends in a place word ("Trưởng thôn Name")
                # the NER model decides; a title worn by the person ("Già
                # làng") names no place
                if end != m.end() or not self._ner_person(name, text, m.start(), end + nm.end("name")):
                    continue
            if offset == 0 and len(name.split(" ")) == 2 and honorific is None and end > m.end():
                continue  # "Giám đốc Sở Y tế Hà Nội": after an organization, its place
            if offset and personal and len(raw.split(" ")) <= 5:
                # a title worn by the person has no organization: the words
                # before the surname are the name's ("Linh mục Giuse Trần Văn B")
                name, offset = raw, 0
            name_end = end + nm.start("name") + offset + len(name)
            dm = match_at(self.dash_org, text, name_end, 300)
            if dm and match_at(self.title_re, text, dm.start("head"), 60):
                dm = None  # "Trung tá Name - Đồn trưởng Đồn …": a post after the dash, read as one
            if dm:
                # "Bác sĩ Name - Bệnh viện X": the organization is a role too
                org_end = self._org_end(text, dm.end("head"), 0)
                roles.append(Spanned.at(text, dm.start("head"), org_end))
                name_end = org_end
            if offset:
                # organization words written in capitals before the name
                lead = end + nm.start("name")
                roles[-1] = Spanned.joined([roles[-1], Spanned.at(text, lead, lead + len(raw[:offset].rstrip()))])
            cm = match_at(self.comma_only, text, name_end, 6)
            bracketed = False  # "Đại tá Name (Chỉ huy trưởng …)": the posts in brackets
            if not dm and not cm and text.startswith(" (", name_end):
                # "Đại úy Name (bên trái), Phó Trưởng …": a caption's aside first
                cm = match_at(self.aside, text, name_end + 2, 90)
                bracketed = cm is None and match_at(self.title_re, text, name_end + 2, 300) is not None
            if not dm and (cm or bracketed):
                # "Trung tá Name, Phó Tham mưu trưởng …": more posts after the name
                more, more_end = self._roles(text, cm.end() if cm else name_end + 2, allow_name_end=True, own_name=True)
                if bracketed and text[more_end:more_end + 1] != ")":
                    more = []  # a bracket that holds more than posts
                elif bracketed:
                    more_end += 1  # the bracket closes inside the span
                after_more = more and self.name_after_role.match(text, more_end, min(len(text), more_end + 60))
                if after_more and self._heading_words(after_more.group("name")):
                    after_more = None  # "… QUÂN SỰ TỈNH PHÁT BIỂU": a heading's words, no name
                if after_more and self._named_org_end(text, more_end, more[-1]):
                    # a name closing an organization is the organization's own
                    more_end = after_more.end("name")
                    more[-1] = Spanned.at(text, more[-1].spans[0][0], more_end)
                    after_more = None
                if more and not after_more:
                    roles += more
                    name_end = more_end
            if name.lower() in self.not_names and not roles:
                continue
            if honorific is None and not personal and not self._vouched(name, text, m.start(), end + nm.end("name")):
                continue
            name_start_at = end + nm.start("name") + offset
            pm = (_PLURAL_BEFORE.search(text, max(0, m.start() - 18), m.start())
                  if name_end == name_start_at + len(name) else None)
            more = list(self._plural_names(text, name_end, roles, pm.group("hon"))) if pm else []
            if more and pm.group("hon"):
                honorific = pm.group("hon")
            yield Candidate("person_role", start, name_end, "person_role.role_name",
                            {"person": Spanned.at(text, name_start_at, name_start_at + len(name)), "roles": roles,
                             "honorific": honorific})
            pos = more[-1].end if more else end + nm.end("name")
            yield from more

    def _plural_names(self, text: str, pos: int, roles: list, hon: Optional[str]) -> Iterator[Candidate]:
        """"Hai Phó Chủ tịch UBND huyện A và B", "các Trưởng thôn A, B": after
        a post made plural by "các" or a number, each further full name
        joined by "," or "và" (three syllables or more, a known surname)
        holds the post too (one fact per name), with the list's honorific
        ``hon`` ("các đồng chí …")."""
        while True:
            nm = match_at(self.plural_name, text, pos, 60)
            if nm is None:
                return
            name, _ = self._name(nm.group("name"), nm.start("name"))
            words = name.split(" ") if name == nm.group("name") else ()
            if len(words) < 3 or self._cap(words[0]) not in self.surnames:
                return  # two syllables are often a place ("…, Hà Nội")
            yield Candidate("person_role", nm.start("name"), nm.end("name"), "person_role.role_name",
                            {"person": _at(text, nm.span("name")), "roles": list(roles), "honorific": hon})
            pos = nm.end("name")

    def _name_before(self, text: str, pos: int) -> Optional[tuple[str, int]]:
        """"Nguyễn Văn Hải, Hiệu trưởng …", "Nguyễn Văn Hải (Hiệu trưởng …)": a
        name with a known surname right before ``pos``, after a comma or a
        bracket, that starts its capitalised run and
        is not itself part of a role or a place; (name, start) or None."""
        lo = max(0, pos - 60)
        tail = _pattern_tail(text, lo, pos).rstrip(" ")
        if not tail.endswith((",", "(")):
            return None  # name_comma_before ends with the comma or the bracket
        bm = self.name_comma_before.search(text, lo, pos)
        if bm is None and tail[:-1].rstrip(" ").endswith(")"):
            bm = self.name_photo_before.search(text, max(0, pos - 110), pos)  # "Name (bìa trái), Role"
        if not bm:
            return None
        words = bm.group("name").split(" ")
        i = name_start(words, self.surnames)
        if i is None:
            return None
        raw = " ".join(words[i:])
        start = bm.start() + (len(" ".join(words[:i])) + 1 if i else 0)
        if raw != self._name(raw, 0)[0]:
            return None
        if self._named_after(text, start):
            return None
        prev = words[i - 1] if i else self._last_word(text, bm.start())
        prev_start = start - len(prev) - 1
        sentence_initial = prev_start <= 0 or _SENTENCE_END.match(text[max(0, prev_start - 2):prev_start].strip()[-1:] or "\n")
        if prev and prev[0].isupper() and not sentence_initial:
            return None
        if prev and (prev.lower() in self.place_before or prev.lower() in self.org_heads or prev.lower() in self.honorific_of):
            return None  # a place, an organization, or the honorific form
        if len(words) - i < 3:
            return None  # "Hà Nội, Thủ tướng …": two syllables are often a place
        return raw, start

    def _career_list(self, text: str, start: int, plain_end: int) -> Optional[Candidate]:
        """"Role từ khóa VII đến khóa XIII; Role; ...; Role, đồng chí Name": a
        career list (roles joined by ";", terms left out of the roles) that
        ends with an honorific and the name; None when there is none here."""
        # the name comes after the honorific: capitalised words inside the
        # list ("Bí thư Thành ủy Hà Nội") belong to the roles
        roles, end = self._roles(text, start, allow_name_end=False, career=True)
        if end == plain_end:
            return None  # no term: the ordinary forms handle it
        hm = self.role_then_hon.match(text[end : end + 300])
        if not hm:
            return None
        name, _ = self._name(hm.group("name"), end + hm.start("name"))
        if not name or name != hm.group("name"):
            return None
        return Candidate("person_role", start, end + hm.end("name"), "person_role.career_list",
                         {"person": Spanned.at(text, end + hm.start("name"), end + hm.end("name")), "roles": roles,
                          "honorific": self._hon(hm.group("hon"))})

    # -- pieces ---------------------------------------------------------------
    def _roles(self, text: str, pos: int, allow_name_end: bool = False,
               career: bool = False, own_name: bool = False,
               title: Optional[regex.Match] = None) -> tuple[list[str], int]:
        """Roles written from ``pos``: title + organization, joined by ",",
        ";", "-", "kiêm", "đồng thời là", "hiện là" (with ``career``, a term
        after a role is skipped).  With ``own_name`` the person was named
        before the roles: a full name after a role starts the next person
        ("ông A, Bí thư Tỉnh ủy; Chủ tịch UBND tỉnh Trần Văn B").  ``title``:
        the title pattern's match at ``pos``, when the caller has it."""
        roles: list[str] = []
        end = pos
        p = pos
        stop = 3 if own_name else (2 if allow_name_end else 0)
        after_and = False  # the post at ``p`` follows " và "
        while True:
            tm = title if title is not None and p == pos else match_at(self.title_re, text, p, 300)
            if not tm:
                om = match_at(self.org_role, text, p, 40) if roles and text[end:p].strip() == "," else None
                if om is None and own_name:
                    # "ông A, Phụ trách Trạm Y tế xã": a post without a title
                    om = match_at(self.in_charge_post, text, p, 60)
                    head_end = om.end() if om else 0
                else:
                    head_end = om.end("head") if om else 0
                if om is None:
                    break
                # "…, Chi cục trưởng Chi cục X, Sở Nông nghiệp …": the
                # organization after a post is a role string of its own
                role_end = self._org_end(text, head_end, stop)
                if role_end == head_end:
                    break
                roles.append(Spanned.at(text, p, role_end))
                end = role_end
                sep = self.role_sep.match(text[end:end + 24])
                if not sep:
                    break
                p = end + sep.end()
                continue
            title_end = self._title_end(text, tm)
            if self._title_word(tm.group(self._title_group)) in self.personal_titles:
                role_end = title_end  # worn by the person: no organization follows
            else:
                # the first post after a person named with no post yet is
                # that person's: a capitalised run right after its level word
                # is the unit's name ("bà A, Phó Chủ tịch UBND xã Hoàng Su
                # Phì"), no next holder (after "Role Name, ", allow_name_end,
                # a name after the post may be the next person's; after "và"
                # a name is the next person's anyway)
                role_end = self._org_end(text, title_end, stop,
                                         unit_named=own_name and not roles and not allow_name_end)
            if own_name and roles and self._name_starts_here(text, role_end + 1, 3):
                break  # this post belongs to the name after it
            if after_and and role_end == title_end:
                break  # "ông A, Giám đốc Sở Y tế và Giám đốc các bệnh viện": other people's post
            if own_name and roles and _LABEL_COLON.match(text, role_end, role_end + 4):
                break  # "…; Phó Trưởng ban: đồng chí B": the next list item's label
            if text.startswith(_IN_CHARGE_OF, role_end):
                # "Phó Trưởng phòng, phụ trách Phòng Nội vụ": one post, the body it runs
                body = role_end + len(_IN_CHARGE_OF) - 1
                body_end = self._org_end(text, body, stop)
                role_end = body_end if body_end > body else role_end
            roles.append(Spanned.at(text, tm.start(), role_end))
            end, after_and = role_end, False
            if career:
                term = match_at(self.term, text, end, 80)
                if term:
                    end = term.end()
            sep = self.role_sep.match(text[end:end + 24])
            if not sep and role_end == title_end and text[end:end + 1] == " ":
                # titles worn together: "TS. BS Name", "Đại tá, TS Name"
                nxt = match_at(self.title_re, text, end + 1, 40)
                if nxt and self._title_word(nxt.group(self._title_group)) in self.personal_titles:
                    # written as one compound ("TS. BS" like "TS.BS"): one role
                    joined_start = end - len(roles[-1])
                    roles.pop()
                    compound_end = self._title_end(text, nxt)
                    roles.append(Spanned.at(text, joined_start, compound_end))
                    end = compound_end
                    sep = self.role_sep.match(text[end:end + 24])
                    if not sep:
                        break
                    p = end + sep.end()
                    continue
            if not sep and not own_name and role_end > title_end and self._rank_follows(text, end):
                p = end + 1  # "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đại tá Name": the rank's wearer holds the post
                continue
            if not sep and own_name and role_end > title_end and self._and_post(text, end):
                p = end + len(_AND)  # "ông A, Bí thư Chi bộ thôn X và Trưởng thôn X"
                after_and = True
                continue
            if not sep:
                break
            p = end + sep.end()
        return roles, end

    def _rank_follows(self, text: str, pos: int) -> bool:
        """A rank ("Đại tá") right after the post that ends at ``pos``, with
        no mark between: its wearer, named next, holds the post."""
        return text[pos:pos + 1] == " " and self._rank_at(text, pos + 1)

    def _rank_at(self, text: str, pos: int) -> bool:
        """A rank of the army or the police opens at ``pos``."""
        tm = match_at(self.title_re, text, pos, 40) if text[pos:pos + 1].isupper() else None
        return tm is not None and tm.start() == pos and self._title_word(tm.group(self._title_group)) in self.ranks

    def _and_post(self, text: str, pos: int) -> bool:
        """" và " then a capitalised post at ``pos``: after a named person's
        post with its organization, a second post of the same person."""
        return (text.startswith(_AND, pos) and text[pos + len(_AND):pos + len(_AND) + 1].isupper()
                and match_at(self.title_re, text, pos + len(_AND), 300) is not None)

    def _title_end(self, text: str, tm) -> int:
        """Where a title match ends: an abbreviated title keeps its dot
        ("ThS.", "PGS.TS.")."""
        if text[tm.end():tm.end() + 1] != "." or not tm.group(self._title_group)[-1].isupper():
            return tm.end()  # abbrev_dot reads the dot
        dot = match_at(self.abbrev_dot, text, tm.end(), 2)
        return dot.end() if dot else tm.end()

    def _org_end(self, text: str, pos: int, stop_before_name: int, unit_named: bool = False) -> int:
        """End of the organization that continues a title ("Ban Dân vận Huyện
        ủy"); with ``unit_named`` a capitalised run right after a level word
        is the unit's name even when a name could start there."""
        end = start = pos
        caps_run = 0  # capitalised non-head words in a row: a proper name
        numbered = False  # "thôn 2": the place's name is given, a name may follow
        # "thôn Bản Lìm": a level word then a name; the organization ends with
        # its place, so a lower-case word after it is none of its own
        after_level = placed = False
        # the last lower-case organization word read, the end before it and
        # after it: with a word after it that is none, it may make another
        # word ("công bố"), which ends the organization before it
        org_word: Optional[tuple[str, int, int, bool]] = None  # (+ whether a level word came right before)
        # the last capitalised word read and its end: organization names
        # capitalise only a word's first syllable ("Ban Đại diện", "Công ty
        # TNHH Thương mại"), so a lower-case syllable completing it goes on
        caps_word: Optional[tuple[str, int, int]] = None
        # the loop's patterns, looked up once (it runs for every word of every role)
        head_unit, next_word, word_group = self.org_head_unit.match, self.next_word.match, self._word_group
        word_kind, unit_opens, rank_firsts = self._word_kind, self._unit_opens, self.rank_firsts
        while True:
            if text[pos:pos + 1] != " ":
                break  # each piece below (org_head_unit, paren_acronym, dash_head, next_word) opens with spaces
            # one word at a time, each call with a bounded look-ahead (as
            # match_at): a finditer from ``pos`` would go on trying every
            # later position of the text
            wm = next_word(text, pos, pos + 200)
            # most words open no organization head (asked once per word)
            if wm is None or unit_opens is None or unit_opens(text[pos:min(wm.end(), pos + 60)]):
                hm = head_unit(text, pos, pos + 60)
                if hm is not None and placed and text[pos:hm.end()].lstrip()[:1].islower():
                    break  # "Tổ hòa giải thôn Đông hòa giải thành công": the verb after the place
                if hm is not None:
                    end = pos = hm.end()
                    caps_run = 0
                    continue
            opener = text[pos + 1:pos + 2]  # " ": more spaces, any piece may follow
            if end == pos and opener in _PAREN_OPENERS:
                pm = match_at(self.paren_acronym, text, pos, 30)
                if pm is not None:
                    end = pos = pm.end()
                    continue
            if end == pos and opener in _DASH_OPENERS:
                dm = match_at(self.dash_head, text, pos, 40)
                if dm is not None and self._title_opens(text, dm.end()):
                    dm = None  # "… UBND xã - Tổ trưởng Tổ …": the next post, after the dash between posts
                if dm is not None:
                    # "Đảng ủy Bộ Tổng tham mưu - Cơ quan Bộ Quốc phòng"
                    end = pos = dm.end()
                    caps_run = 0
                    continue
                sector_end = self._dash_sector_end(text, pos)
                if sector_end:
                    end = pos = sector_end
                    caps_run = 0
                    continue
            if wm is None:
                break
            w_start, w_end = wm.span(word_group)
            if end == pos and text.startswith("số", w_start):
                nm = _NUMBER_NAME.match(text, pos, pos + 12)
                if nm is not None:
                    # "Chi bộ Khu dân cư số 5", "Trường Tiểu học số 2": the unit's number
                    end = pos = nm.end()
                    continue
            w, kind, sentence_end, lower = word_kind(text[w_start:w_end])
            if kind == _ENDS:
                break
            if w[0].isupper() and (numbered or (stop_before_name and not (unit_named and after_level and pos == end)
                                                and self._name_starts_here(text, w_start, stop_before_name))):
                break  # (``pos == end``: the level word right before, no "và" between)
            if w in rank_firsts and self._rank_at(text, w_start):
                break  # "Bộ Chỉ huy Quân sự tỉnh Đại tá Name": the rank of the person named next
            if kind == _DIGITS:
                if end == pos and self._names_number(text, pos, w, w_start + len(w), placed):
                    # "thôn 2"; "phường Hà Giang 1" (a place named with a number, 2025)
                    end = pos = w_start + len(w)
                    numbered = True
                    continue
                break
            if kind == _CONNECTOR:
                nxt = match_at(self.next_word, text, wm.end(), 60)
                if (nxt and nxt.group("w")[0].isupper() and not self._is_title(nxt.group("w").rstrip("."))
                        and not match_at(self.title_re, text, nxt.start("w"), 60)):  # "và Đại đức …": a new person
                    pos = wm.end()
                    caps_run = 0
                    continue
                break
            if lower == _LOWER_HEAD and self._opens_other_word(text, w, wm.end()):
                break  # "Chủ tịch UBND xã báo cáo": the verb "báo cáo", not "Báo"
            if placed and end == pos and kind == _OTHER and match_at(self.merged_word, text, pos, 8):
                end = w_start + len(w)  # "xã Chiềng Cơi cũ": the unit before the 2025 merger,
                break  # its name ended (a holder's name may follow)
            if placed and kind == _ORG_WORD:
                break  # "Chi hội Phụ nữ thôn Bản Lìm vận động": the verb after the place
            was_placed = placed
            placed = (after_level or placed) and not lower and (kind == _HEAD or kind == _CAPITALISED)
            level_before, after_level = after_level, lower == _LOWER_LEVEL
            if after_level:
                numbered = False  # "ấp 3 xã Vĩnh Thạnh": the next place's name follows
            pos = wm.end()
            if kind == _HEAD:
                end = w_start + len(w)
                caps_run = 0
            elif kind == _CAPITALISED:
                end = w_start + len(w)
                caps_run += 1
                caps_word = (w, w_start, end)
            elif kind == _OTHER and caps_run == 1 and self._completes_caps(text, caps_word, end, was_placed, w):
                end = w_start + len(w)
                caps_run = 0
            elif kind == _LEVEL or (kind == _ORG_WORD and caps_run <= 1):
                if kind == _ORG_WORD and w.islower():
                    org_word = (w, end, w_start + len(w), level_before)
                end = w_start + len(w)
                caps_run = 0
            else:
                if org_word is not None and org_word[2] == end and (
                        self._makes_word(org_word[0], w)
                        or (org_word[3] and self._prefixes_verb(text, org_word, w, wm.end()))):
                    # "Chánh Thanh tra tỉnh công bố": "công bố", not "công" of "công an";
                    # "Chủ tịch UBND tỉnh đồng chủ trì": after the unit's level word,
                    # "đồng" (co-) before the verb "chủ trì"
                    end = org_word[1]
                break
            if sentence_end:
                break
        if text.endswith(_IN_CHARGE, start, end) and _LOWER_NEXT.match(text, end, end + 2):
            end -= len(_IN_CHARGE)  # "… UBND xã phụ trách lĩnh vực …": the field it is in charge of was not read
        return end

    def _title_opens(self, text: str, head_end: int) -> bool:
        """The organization head that ends at ``head_end`` opens a title
        ("Tổ" of "Tổ trưởng", "Đội" of "Đội trưởng")."""
        start = text.rfind(" ", 0, head_end) + 1
        tm = match_at(self.title_re, text, start, 60) if text[head_end:head_end + 1] == " " else None
        return tm is not None and tm.end() > head_end

    def _names_number(self, text: str, pos: int, w: str, w_end: int, placed: bool) -> bool:
        """The number ``w`` after ``pos`` (ending at ``w_end``) is the name's:
        a numbered unit's ("thôn 2", "Lữ đoàn 168"), or that of a place named
        with a number (``placed``: a place's name was read)."""
        if (self._last_word(text, pos).lower() in self.numbered_words
                or self._last_pair(text, pos) in self.numbered_pairs):
            return True
        return (len(w) <= 2 and (placed or self._named_place_ends(text, pos)
                                 or self._last_pair(text, pos) in self.area_numbered)
                and self._name_number_ends(text, w_end))

    def _named_place_ends(self, text: str, pos: int) -> bool:
        """A place's name ends at ``pos``: a run of capitalised words right
        after a level word, which a title may hold ("Trưởng thôn Hòa Bình",
        "Tổ trưởng Tổ dân phố Bắc Sơn")."""
        m = _PLACE_NAME_TAIL.search(text, max(0, pos - 60), pos)
        return m is not None and m.group(1).lower() in self.level_words

    def _name_number_ends(self, text: str, pos: int) -> bool:
        """The number of a place's name ends at ``pos``: a name, a mark or the
        end follows, or a word that no number counts ("thôn Hòa Bình 2 phát
        biểu", "… 2 đã"): a number counts a noun, so a verb or an adverb after
        it leaves the number to the name ("… 2 hộ", "… 2 năm liền" count)."""
        if _NAME_NUMBER_END.match(text, pos):
            return True
        wm = _LOWER_WORD.match(text, pos, pos + 20)
        if wm is None:
            return False
        return not self._counted(wm.group(1), text[wm.start(1):wm.start(1) + 40])

    def _counted(self, first: str, after: str) -> bool:
        """A number may count what ``after`` opens (``first``, its first
        word): a counted noun, a classifier, a time word, a measure, a
        multiplier, or a noun as the tagger reads the few words left."""
        lex = self.lex
        if (first in lex.non_count_heads or first in self.area_forms or first in lex.classifiers
                or lex.is_time_noun(first) or lex.head_noun(after[:30]) is not None):
            return True
        if first in lex.not_nouns:
            return False
        from ..nlp import first_word_is_noun  # a place's number before a word is rare

        return first_word_is_noun(" ".join(after.split()[:4]))[0]

    def _dash_sector_end(self, text: str, pos: int) -> int:
        """End of a field's second name after a dash ("Ban Kinh tế - Ngân
        sách"): the organization at ``pos`` ends in a capitalised word of an
        organization, and a word of the dictionary that is no title follows
        the dash (0 when not)."""
        tail = self.sector_tail.search(text, max(0, pos - 30), pos)
        if tail is None or tail.group("w") not in self.org_words:
            return 0
        dm = match_at(self.dash_sector, text, pos, 40)
        if dm is None:
            return 0
        w = dm.group("w")
        if fold_tones(w.lower()) not in self.lex.known_words or match_at(self.title_re, text, dm.start("w"), 60):
            return 0
        return dm.end()

    def _named_org_end(self, text: str, end: int, role: Spanned) -> bool:
        """A capitalised run at ``end`` completes the organization ``role``
        names: the role is an organization alone ("Học viện X" after
        "Trưởng khoa Y,") and ends in a lower-case word that is no level word
        ("… quốc gia Hồ Chí Minh"; after "UBND xã" a place or a person)."""
        last = self._last_word(text, end)
        return (last.islower() and last not in self.level_words
                and match_at(self.title_re, text, role.spans[0][0], 80) is None)

    def _completes_caps(self, text: str, caps_word: Optional[tuple[str, int, int]], end: int,
                        placed: bool, w: str) -> bool:
        """The lower-case ``w`` completes the capitalised word just read into
        one word of the dictionary ("Thương mại", "Đại diện", "Xi măng"); not
        after a place's name ("thôn Hòa giải thích": the verb after the place)."""
        if caps_word is None or caps_word[2] != end or placed or not self._makes_word(caps_word[0].lower(), w):
            return False
        before = self._last_word(text, caps_word[1])
        # after a level word the capitalised word opens a place's name; an
        # organization's head in title case ("Tổ Công tác") is no level word
        return before.lower() not in self.level_words or (before[:1].isupper() and before.lower() in self.org_heads)

    def _opens_other_word(self, text: str, w: str, pos: int) -> bool:
        """The lower-case head ``w`` makes a word with the syllable at ``pos``
        that names no organization ("báo cáo", "đoàn kết", "ban hành")."""
        nxt = match_at(self.next_word, text, pos, 20)
        if nxt is None or not nxt.group(self._word_group).islower():
            return False
        return self._makes_word(w, nxt.group(self._word_group).rstrip("."))

    def _prefixes_verb(self, text: str, org_word: tuple, w: str, pos: int) -> bool:
        """The lower-case ``w`` and the syllable at ``pos`` make a word of the
        dictionary of which neither syllable is an organization's ("chủ
        trì"): the organization word ``org_word``, read after the unit's level
        word and making no word with it ("khu vực"), is their prefix ("UBND
        tỉnh đồng chủ trì": co-chair)."""
        if w in self.org_words or self._makes_word(self._last_word(text, org_word[1]).lower(), org_word[0]):
            return False
        nxt = match_at(self.next_word, text, pos, 20)
        if nxt is None:
            return False
        second = nxt.group(self._word_group).rstrip(".")
        return second not in self.org_words and self._makes_word(w, second)

    def _makes_word(self, w: str, second: str) -> bool:
        """``w`` and the lower-case ``second`` after it make a word of the
        dictionary that is no word of an organization ("công bố", "báo cáo")."""
        pair = f"{w} {second}"
        return second.islower() and pair not in self.org_words and fold_tones(pair) in self.lex.known_words

    def _read_word_kind(self, raw: str) -> tuple[str, int, bool, int]:
        """What a word of an organization (``raw``, as next_word reads it)
        is to :meth:`_org_end`: (the word without its final dots, its kind,
        whether it ends a sentence, what it is in lower case: a level word
        ("thôn"), another organization head ("báo") or 0)."""
        w = raw.rstrip(".")
        if not w or self._is_title(w):
            return w, _ENDS, False, 0  # an ellipsis, or the next role
        return (*self._kind_of(raw, w), _lower_kind(w, self.level_words, self.org_heads))

    def _kind_of(self, raw: str, w: str) -> tuple[str, int, bool]:
        """(word, kind, ends a sentence) for :meth:`_read_word_kind`."""
        sentence_end = raw.endswith(".") and not w.isupper()  # "TP." is no sentence end
        low = w.lower()
        if w[0].isdigit():
            kind = _DIGITS
        elif low in _CONNECTORS:
            kind = _CONNECTOR
        elif _ROMAN.fullmatch(w):
            kind = _CAPITALISED  # "khu vực III", "Quân khu IV": a numbered unit
        elif self._caps_word(w, low):
            kind = _ENDS  # a word of an upper-case heading ("… TỈNH ỦY PHÁT BIỂU"), not an acronym
        elif self._is_acronym(w) or low in self.org_heads:
            kind = _HEAD
        elif w[0].isupper():
            kind = _CAPITALISED
        elif low in self.org_words:
            kind = _LEVEL if low in self.level_words else _ORG_WORD
        else:
            kind = _OTHER
        return w, kind, sentence_end

    def _caps_word(self, w: str, low: str) -> bool:
        """An upper-case Vietnamese word that is no organization word
        ("PHÁT" in a heading), as opposed to an acronym ("UBND", "TU")."""
        return w.isupper() and len(w) > 2 and is_vi_syllable(w) and low not in self.org_words

    @staticmethod
    def _last_pair(text: str, pos: int) -> str:
        """The last two words before ``pos``, lower case ("lữ đoàn")."""
        m = _LAST_PAIR.search(text, max(0, pos - 30), pos)
        return f"{m.group(1)} {m.group(2)}".lower() if m else ""

    def _last_word(self, text: str, pos: int) -> str:
        m = self.last_word_re.search(text[max(0, pos - 20):pos])
        return m.group(1) if m else ""

    def _named_after(self, text: str, pos: int) -> bool:
        """The capitalised run at ``pos`` names a school, a street or a prize."""
        m = self.named_after.search(text, max(0, pos - 24), pos)
        if m is None:
            return False
        # in an organization's title case only a word's first syllable is
        # capitalised: "Sở Nông nghiệp và Môi trường Name" ends in the word
        # "Môi trường", no school ("trường"); a unit's level word ("Thành
        # phố Hồ Chí Minh") still names a place after a person
        w = m.group(0).strip()
        prev = self._last_word(text, m.start())
        pair = f"{prev.lower()} {w}"
        return not (w.islower() and prev[:1].isupper() and pair not in self.level_words
                    and fold_tones(pair) in self.lex.known_words)

    def _name_starts_here(self, text: str, pos: int, min_words: int = 2) -> bool:
        m = self.name_re.match(text[pos:pos + 60])
        if not m:
            return False
        run = m.group(0).split(" ")
        if any(w in self.stop_caps for w in run[:2]):
            return False
        if len(run) >= 2 and f"{run[0]} {run[1]}".lower() in self.org_words:
            return False
        if text.startswith(" (", pos + m.end()) and match_at(self.merged_after, text, pos + m.end(), 10):
            return False  # "huyện Văn Lãng (cũ)": a merged unit's name, no person's
        if text.startswith(" c", pos + m.end()) and match_at(self.merged_word, text, pos + m.end(), 8):
            return False  # "huyện Mai Sơn cũ" likewise
        # the look-behind search last: it costs most, and most runs fail before it
        return (name_start(run, self.surnames) == 0 and min_words <= len(run) <= max_len(run, self.surnames)
                and not self._named_after(text, pos))

    def _name(self, raw: str, start: int) -> tuple[Optional[str], int]:
        words = raw.split(" ")
        if len(words) == 1 and self.apos_name.fullmatch(raw):
            return raw, start + len(raw)  # "K'Brơi": one word, two syllables
        if self._stopped(words) or not 2 <= len(words) <= max_len(words, self.surnames):
            return None, start
        if raw.lower() in self.not_names:
            return None, start
        if raw.isupper() and not is_caps_name(words):
            return None, start
        return raw, start + len(raw)

    def _stopped(self, words: list[str]) -> bool:
        """A word of an organization ("Sở", "Hội", "Ban") in a capitalised
        run: no name.  A given name may be such a word ("Lê Văn Sở", "Kpă
        Ban"): as the last word, in title case, after a known surname."""
        caps, stop = self._cap, self.stop_caps
        if any(caps(w) in stop for w in words[:-1]):
            return True
        last = words[-1]
        return caps(last) in stop and not (len(words) > 1 and last[1:].islower() and words[0] in self.surnames)

    @staticmethod
    def _cap(w: str) -> str:
        return w[:1] + w[1:].lower() if w.isupper() else w

    def _heading_words(self, run: str) -> bool:
        """An upper-case run with no known surname: the words of a heading
        ("… TỈNH PHÁT BIỂU"), where case tells no name."""
        return run.isupper() and name_start(run.split(" "), self.surnames) is None

    def _name_in_run(self, raw: str) -> tuple[Optional[str], int]:
        """The personal name at the end of a capitalised run ("Bộ Y tế" is cut
        before; "Làng Hà Đào Thị Huệ" → "Đào Thị Huệ"): (name, offset in run)."""
        words = raw.split(" ")
        if raw.isupper() and not is_caps_name(words):
            return None, 0
        if self._stopped(words):
            return None, 0
        i = name_start(words, self.surnames)
        if i is None:
            if 2 <= len(words) <= 3:
                return raw, 0
            return None, 0
        if i == 0 and len(words) > max_len(words, self.surnames):
            return None, 0
        offset = len(" ".join(words[:i])) + 1 if i else 0
        return " ".join(words[i:]), offset

    def _vouched(self, name: str, text: str, start: int, end: int) -> bool:
        """A name with a known surname stands on its own; otherwise the
        statistical NER model must tag it as a person in a small window."""
        words = name.split(" ")
        if self._cap(words[0]) in self.surnames:
            return True
        if len(words) >= 3 and words[1] in MIDDLE_MARKERS:
            return True  # "Khoàng Văn Van": a middle name vouches for it
        from ..nlp import looks_like_person

        return looks_like_person(name, text[max(0, start - 40) : end + 40])

    @staticmethod
    def _ner_person(name: str, text: str, start: int, end: int) -> bool:
        from ..nlp import looks_like_person

        return looks_like_person(name, text[max(0, start - 40) : end + 40])

    def _credit_names_person(self, credit: str) -> bool:
        """A byline credit names a person, not an office, a site or an archive."""
        if credit.lower() in self.not_credits:
            return False
        first = credit.split(" ")[0].lower()
        two = " ".join(credit.split(" ")[:2]).lower()
        return first not in self.credit_heads and two not in self.credit_heads

    @staticmethod
    def _bare_title(title: str) -> str:
        """A title without its "nguyên"/"cố" prefix, lower-cased."""
        words = title.split()
        while len(words) > 1 and words[0].lower() in ("nguyên", "cố", "tân", "quyền"):
            words = words[1:]
        return " ".join(words).lower().rstrip(".")

    def _place_word_before(self, text: str, pos: int) -> bool:
        word = self.last_word_re.search(text[max(0, pos - 20):pos])
        return bool(word) and word.group(1).lower() in self.place_before

    def _in_list(self, ctx: Context, pos: int) -> bool:
        """Inside "các đồng chí: A - Role; B - Role" (same sentence)."""
        # bounded look-back: a list of a few dozen people fits in it
        return bool(self.list_colon.search(ctx.text, max(ctx.sentence_start(pos), pos - 3000), pos))

    def _hon(self, word: str) -> Optional[str]:
        return self.honorific_of.get(word.lower())

