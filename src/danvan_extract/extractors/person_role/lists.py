"""Lists of people: "các đồng chí: A - Role; B - Role", "nguyên Phó Chủ
tịch nước: A, B", their items ("Name", "Name - Role", "Role Name") and the
labels that head them; and a site's contact block, whose labels are no list."""

from __future__ import annotations

from typing import Iterator, NamedTuple, Optional

import regex

from ..base.candidates import Candidate, Spanned
from ..base.context import Context
from ..base.matching import match_at
from ...grammar.pattern_cache import compile_regex
from .text_helpers import at

_LIST_OPENER = compile_regex(r"^(?i:các)\s+")
_COLON = compile_regex(r"\s*:\s*")
_SPACES = compile_regex(r"\s*")
_BLANKS = compile_regex(r"[ ]+")


class _ListItem(NamedTuple):
    """One item of a list of people: its span, name, own roles, honorific,
    and the roles of the label it stands under."""
    start: int
    end: int
    name: Spanned
    roles: list
    honorific: Optional[str]
    labels: list


class PersonLists:
    """Lists of people (a mixin of the extractor)."""

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
                name = at(text, nm.span())
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

    def _in_list(self, ctx: Context, pos: int) -> bool:
        """Inside "các đồng chí: A - Role; B - Role" (same sentence)."""
        # bounded look-back: a list of a few dozen people fits in it
        return bool(self.list_colon.search(ctx.text, max(ctx.sentence_start(pos), pos - 3000), pos))
