"""The forms that write the post first: "Role [org] Name", "Role, hon
Name", a career list ending in its holder, "hai Phó Chủ tịch A và B"; and
"Name, Role" read from the post back to the name before it."""

from __future__ import annotations

import bisect
from typing import Iterator, Optional

from ..base.candidates import Candidate, Spanned
from ..base.context import Context
from ..base.matching import match_at
from ..person_names import name_start
from ...grammar.pattern_cache import compile_regex
from .text_helpers import at

# "các", "hai", "3" right before a post: it is held by several people
# ("các đồng chí Ủy viên … A, B": the list's honorific is every person's)
_PLURAL_BEFORE = compile_regex(r"(?<![\p{L}\p{N}])(?:[Cc]ác|[Hh]ai|[Bb]a|[Bb]ốn|\d{1,2})(?:[ ]+(?P<hon>đồng chí))?[ ]+$")
_SENTENCE_END = compile_regex(r"[.!?:\n]")
# "Trưởng, Phó thôn": a head whose noun is shared with the deputy's post after
# it; the post after it is held by only one of the people named next
_SHARED_HEAD_BEFORE = compile_regex(r"(?<![\p{L}])[Tt]rưởng[ ]*(?:,|/|[ ]và)[ ]*$")


def _pattern_tail(text: str, lo: int, pos: int) -> str:
    """``text[lo:pos]`` as a pattern ending in "$" searched there reads its
    end: "$" also matches before a final line break."""
    tail = text[lo:pos]
    return tail[:-1] if tail.endswith("\n") else tail


class RoleFirstForms:
    """The role-first forms (a mixin of the extractor)."""

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
            if _SHARED_HEAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "Trưởng, Phó thôn là ông A và ông B": one post each, not told apart
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
                            {"person": at(text, nm.span("name")), "roles": list(roles), "honorific": hon})
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
