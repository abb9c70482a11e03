"""The forms that write the person first: bylines ("Ảnh: Thanh Lê"),
"hon Name, Role", "Name - Role" lines, name cards, form fields and
signatures (lists apart: lists.py)."""

from __future__ import annotations

import re
from typing import Iterator

import regex

from ...scan.promises import ScanPattern
from ..base.candidates import Candidate, Spanned
from ..base.context import Context
from ..base.matching import match_at
from ...grammar.pattern_cache import compile_regex, compile_std
from .text_helpers import at

_MAX_ASIDES = 3  # an age, an address, a people between a name and its roles
# What a signed document's signature block holds (tested before its pattern).
# (one search of the standard library's engine: cheaper than a test per cue)
_SIGNATURE_CUE = compile_std("|".join(map(re.escape, ("TM.", "T/M", "KT.", "K/T", "TL.", "T/L", "TUQ.", "ký)"))))
_LINE_END = compile_regex(r"[^\S\n]*(?:\n|$)")  # nothing more on the line
_NEXT_LINE = compile_regex(r"\n[^\S\n]*(?=\p{Lu})")  # a line break, a capital opening the next line
# the first letter of a word
_WORD_START = compile_regex(r"(?<![\p{L}])\p{L}")


class NameFirstForms:
    """The name-first forms (a mixin of the extractor)."""

    def _name_first(self, ctx: Context) -> Iterator[Candidate]:
        """Bylines, "hon Name, Role", "Name - Role" lines and lists."""
        text = ctx.text
        for m, start, rule in self._credit_lines(ctx):
            if self._label_ends_title(text, m):
                continue
            label = at(text, m.span("label"))
            if self._credit_names_person(m.group("name")):
                yield Candidate("person_role", start, m.end("name"), rule,
                                {"person": at(text, m.span("name")), "roles": [label], "honorific": None})
            more = match_at(self.more_credit, text, m.end("name"), 80)
            while more is not None and self._credit_names_person(more.group("name")):
                # "Ảnh: Đức Anh - Văn Hùng": each credited person under the label
                yield Candidate("person_role", more.start("name"), more.end("name"), rule,
                                {"person": at(text, more.span("name")), "roles": [label], "honorific": None})
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
                                {"person": at(text, m.span("name")), "roles": roles, "honorific": self._hon(m.group("hon"))})
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
                                {"person": at(text, m.span("name")), "roles": roles, "honorific": None})
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
                                {"person": at(text, m.span("name")), "roles": roles,
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
                                {"person": at(text, m.span("name")), "roles": roles, "honorific": None})

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
                            {"person": at(text, m.span("name")), "roles": [role], "honorific": None})

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

    def _credit_names_person(self, credit: str) -> bool:
        """A byline credit names a person, not an office, a site or an archive."""
        if credit.lower() in self.not_credits:
            return False
        first = credit.split(" ")[0].lower()
        two = " ".join(credit.split(" ")[:2]).lower()
        return first not in self.credit_heads and two not in self.credit_heads
