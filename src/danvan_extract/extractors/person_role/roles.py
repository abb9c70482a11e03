"""The posts written from a position: a title and the organization that
continues it, joined by ",", ";", "-", "kiêm", "và" (one person's posts);
titles worn together, a rank before its wearer, an abbreviated title's dot."""

from __future__ import annotations

from typing import Optional

import regex

from ..base.candidates import Spanned
from ..base.matching import match_at
from ...grammar.pattern_cache import compile_regex

_AND = " và "  # between two posts of one named person
_IN_CHARGE_OF = ", phụ trách "
_LABEL_COLON = compile_regex(r"[^\S\n]*:")  # (a post's colon on its line: a label)


class Roles:
    """Posts and titles (a mixin of the extractor)."""

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

    @staticmethod
    def _bare_title(title: str) -> str:
        """A title without its "nguyên"/"cựu"/"cố" prefix, lower-cased."""
        words = title.split()
        while len(words) > 1 and words[0].lower() in ("nguyên", "cựu", "cố", "tân", "quyền"):
            words = words[1:]
        return " ".join(words).lower().rstrip(".")
