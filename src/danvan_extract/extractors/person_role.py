"""Person/role pairs: "Đồng chí Nguyễn Xuân Dậu, Trưởng Ban Dân vận Huyện ủy",
"Bộ trưởng Bộ Y tế Đào Hồng Lan", "Là Bí thư ..., anh Tráng Khuấy Hiệu",
"Ảnh: Thanh Lê", "các đồng chí: A - Role; B - Role".

Names are runs of capitalised syllables; the role grammar (titles,
organization words, honorifics, bylines) comes from ``rules/persons.toml``.
Where a name has no known surname and no honorific or byline vouches for
it, underthesea's NER is asked about a small window around it.
"""

from __future__ import annotations

from typing import Iterator, Optional

import regex

from ..rules import alternation
from ..anchors import Anchors, ScanPattern
from .base import Candidate, Context, Lexicons, match_at

_SYL = r"[\p{Lu}][\p{Ll}]*"
_NAME = rf"{_SYL}(?:[ ]{_SYL}){{1,5}}"
_ACRONYM = regex.compile(r"[\p{Lu}]{2,}[\p{Lu}\p{Ll}]*")
_NAME_RE = regex.compile(_NAME)
_NAME_AFTER_ROLE = regex.compile(rf"[ ]+(?:\(\s*[\p{{Lu}}.]+\s*\)[ ]+)?(?P<name>{_NAME})")
_COMMA = regex.compile(r"\s*,\s*")
_LIST_SEP = regex.compile(r"\s*[,;]\s*")
# A term after a role in a career list: "từ khóa VII đến khóa XIII",
# "khóa XII", "nhiệm kỳ 2015-2020".  Not part of the role.
_TERM_ID = r"(?:[IVXLC]+|\d{4}\s*-\s*\d{4})(?![\p{L}\p{N}])"
_TERM = regex.compile(
    rf"\s+\(?(?:(?i:từ)\s+)?(?i:khóa|nhiệm\s+kỳ)\s+{_TERM_ID}"
    rf"(?:\s+(?i:đến)\s+(?:(?i:khóa|nhiệm\s+kỳ)\s+)?{_TERM_ID})?\)?"
)
_NEXT_WORD = regex.compile(r"\G[ ]+(?P<w>[\p{L}\p{N}.]+)")
_LAST_WORD = regex.compile(r"(\p{L}+)\s*$")


class PersonRoleExtractor:
    name = "person_role"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        p = lex.rules.persons
        self.surnames = lex.rules.lexicon("surnames")
        self.not_names = {n.lower() for n in p.not_names}
        self.stop_caps = set(p.name_stop_words)
        self.honorific_of = {k.lower(): v for k, v in p.honorifics.items()}
        self.org_heads = {h.lower() for h in p.org_heads}
        self.org_words = set(p.org_words) | self.org_heads
        # Organization heads with a lower-case syllable after the first
        # ("Tạp chí", "Trung tâm", "Bệnh viện"): read as one unit, since the
        # lone syllable ("chí", "tâm") is no organization word by itself.
        split_heads = [h for h in p.org_heads if any(w[0].islower() for w in h.split(" ")[1:])]
        units = split_heads + list(p.org_phrases)
        self.org_head_unit = regex.compile(rf"\G[ ]+(?:{alternation(units)})(?![\p{{L}}])")
        prefix = alternation(p.title_prefixes)
        titles = alternation(p.titles)
        self.title_alt = titles
        title = rf"(?:(?:{prefix})\s+)?(?:{titles})"
        self.title_re = regex.compile(rf"(?<![\p{{L}}])(?P<title>{title})(?![\p{{L}}])", regex.IGNORECASE)
        hon = alternation(p.honorifics)
        self.hon_name = regex.compile(
            rf"(?<![\p{{L}}])(?P<hon>(?i:{hon}))\s+(?P<name>{_NAME})(?P<sep>\s*(?:,|-)\s*)"
        )
        # horizontal white space only: a run of blank lines must not be
        # re-scanned from each of its positions
        self.dash_name = regex.compile(rf"(?:^|(?<=[:;]\s?)|(?<=\n))[^\S\n]*(?P<name>{_NAME})(?P<sep>\s*-\s*)", regex.MULTILINE)
        self.byline = regex.compile(
            rf"(?:(?<=^)|(?<=[.\s]))(?P<label>{alternation(p.bylines.labels)})\s*:\s*(?P<name>{_SYL}(?:[ ]{_SYL}){{0,3}})(?=\s*$|\s*[.;)\n])",
            regex.MULTILINE,
        )
        self.list_head = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(p.list_honorifics)})\s*:", regex.IGNORECASE)
        self.role_then_hon = regex.compile(rf",\s*(?P<hon>(?i:{hon}))\s+(?P<name>{_NAME})")
        self.place_before = {w.lower() for w in p.place_before}
        self.dash_org = regex.compile(rf"\s*-\s*(?P<head>{alternation(h for h in p.org_heads if h[0].isupper())})(?![\p{{L}}])")
        self.byline_scan = ScanPattern("person_role.byline", self.byline, Anchors.of(words=p.bylines.labels))
        self.hon_name_scan = ScanPattern("person_role.honorific_name", self.hon_name, Anchors.of(words=p.honorifics))
        self.dash_name_scan = ScanPattern("person_role.name_dash", self.dash_name)
        self.title_scan = ScanPattern("person_role.title", self.title_re,
                                      Anchors.of(words=list(p.titles) + list(p.title_prefixes)))
        self.scan_patterns = [self.byline_scan, self.hon_name_scan, self.dash_name_scan, self.title_scan]

    # ------------------------------------------------------------------
    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        text = ctx.text
        for m in ctx.scan(self.byline_scan):
            yield Candidate("person_role", m.start(), m.end("name"), "person_role.byline",
                            {"person": m.group("name"), "roles": [m.group("label")], "honorific": None})
        for m in ctx.scan(self.hon_name_scan):
            name, nend = self._name(m.group("name"), m.start("name"))
            if name is None or nend != m.end("name"):
                continue
            roles, end = self._roles(text, m.end())
            if roles:
                yield Candidate("person_role", m.start(), end, "person_role.honorific_name_role",
                                {"person": name, "roles": roles, "honorific": self._hon(m.group("hon"))})
        for m in ctx.scan(self.dash_name_scan):
            name, _ = self._name(m.group("name"), m.start("name"))
            if name is None or name != m.group("name"):
                continue
            roles, end = self._roles(text, m.end())
            if roles:
                honorific = "đồng chí" if self._in_list(ctx, m.start("name")) else None
                if honorific is None and not self._vouched(name, text, m.start("name"), end):
                    continue
                yield Candidate("person_role", m.start("name"), end, "person_role.name_dash_role",
                                {"person": name, "roles": roles, "honorific": honorific})
        yield from self._role_first(ctx)

    # -- "Role [org] Name" and "Role, honorific Name" -----------------------
    def _role_first(self, ctx: Context) -> Iterator[Candidate]:
        text = ctx.text
        pos = 0
        for m in ctx.scan(self.title_scan):
            if m.start() < pos:
                continue
            roles, end = self._roles(text, m.start(), allow_name_end=True)
            if not roles:
                continue
            career = self._career_list(text, m.start(), end)
            if career is not None:
                yield career
                pos = career.end
                continue
            after = text[end : end + 300]
            hm = self.role_then_hon.match(after)
            if hm:
                name, _ = self._name(hm.group("name"), end + hm.start("name"))
                if name and name == hm.group("name"):
                    start = m.start()
                    yield Candidate("person_role", start, end + hm.end("name"), "person_role.role_then_honorific",
                                    {"person": name, "roles": roles, "honorific": self._hon(hm.group("hon"))})
                    pos = end + hm.end()
                    continue
            nm = _NAME_AFTER_ROLE.match(after)
            if not nm:
                continue
            raw = nm.group("name")
            name, offset = self._name_in_run(raw)
            if name is None:
                continue
            if offset == 0 and len(name.split(" ")) == 2 and self._place_word_before(text, end):
                continue  # "UBND huyện Văn Bàn", "Thành ủy Hà Nội": a place
            name_end = end + nm.start("name") + offset + len(name)
            dm = match_at(self.dash_org, text, name_end, 300)
            if dm:
                # "Bác sĩ Name - Bệnh viện X": the organization is a role too
                org_end = self._org_end(text, dm.end("head"), False)
                roles.append(text[dm.start("head"):org_end])
                name_end = org_end
            if offset:
                # organization words written in capitals before the name
                roles[-1] = roles[-1] + " " + raw[:offset].strip()
            if name.lower() in self.not_names and not roles:
                continue
            if not self._vouched(name, text, m.start(), end + nm.end("name")):
                continue
            yield Candidate("person_role", m.start(), name_end,
                            "person_role.role_name", {"person": name, "roles": roles, "honorific": None})
            pos = end + nm.end("name")

    def _career_list(self, text: str, start: int, plain_end: int) -> Optional[Candidate]:
        """"Role từ khóa VII đến khóa XIII; Role; ...; Role, đồng chí Name": a
        career list (roles joined by ";", terms left out of the roles) that
        ends with an honorific and the name; None when there is none here."""
        # the name comes after the honorific: capitalised words inside the
        # list ("Bí thư Thành ủy Hà Nội") belong to the roles
        roles, end = self._roles(text, start, allow_name_end=False, career=True)
        if end == plain_end:
            return None  # no ";" and no term: the ordinary forms handle it
        hm = self.role_then_hon.match(text[end : end + 300])
        if not hm:
            return None
        name, _ = self._name(hm.group("name"), end + hm.start("name"))
        if not name or name != hm.group("name"):
            return None
        return Candidate("person_role", start, end + hm.end("name"), "person_role.career_list",
                         {"person": name, "roles": roles, "honorific": self._hon(hm.group("hon"))})

    # -- pieces ---------------------------------------------------------------
    def _roles(self, text: str, pos: int, allow_name_end: bool = False,
               career: bool = False) -> tuple[list[str], int]:
        """Roles written from ``pos``: title + organization, joined by ","
        (with ``career``: also by ";", and a term after a role is skipped)."""
        roles: list[str] = []
        end = pos
        p = pos
        sep_re = _LIST_SEP if career else _COMMA
        while True:
            tm = match_at(self.title_re, text, p, 300)
            if not tm:
                break
            role_end = self._org_end(text, tm.end(), allow_name_end)
            roles.append(text[tm.start():role_end])
            end = role_end
            if career:
                term = match_at(_TERM, text, end, 80)
                if term:
                    end = term.end()
            sep = sep_re.match(text[end:end + 4])
            if not sep:
                break
            p = end + sep.end()
        return roles, end

    def _org_end(self, text: str, pos: int, stop_before_name: bool) -> int:
        """End of the organization that continues a title ("Ban Dân vận Huyện ủy")."""
        end = pos
        while True:
            # one word at a time with a bounded look-ahead: a finditer from
            # ``pos`` would go on trying every later position of the text
            hm = match_at(self.org_head_unit, text, pos, 60)
            if hm is not None:
                end = pos = hm.end()
                continue
            wm = match_at(_NEXT_WORD, text, pos, 200)
            if wm is None:
                break
            pos = wm.end()
            w = wm.group("w").rstrip(".")
            low = w.lower()
            if self.title_re.fullmatch(w):
                break
            if stop_before_name and w[0].isupper() and self._name_starts_here(text, wm.start("w")):
                break
            if w[0].isupper() or _ACRONYM.fullmatch(w) or low in self.org_words:
                end = wm.start("w") + len(w)
                continue
            break
        return end

    def _name_starts_here(self, text: str, pos: int) -> bool:
        m = _NAME_RE.match(text[pos:pos + 60])
        if not m:
            return False
        run = m.group(0).split(" ")
        if run[0] in self.surnames and 2 <= len(run) <= 4 and not any(w in self.stop_caps for w in run):
            return not (len(run) >= 2 and f"{run[0]} {run[1]}".lower() in self.org_words)
        return False

    def _name(self, raw: str, start: int) -> tuple[Optional[str], int]:
        words = raw.split(" ")
        if any(w in self.stop_caps for w in words) or not 2 <= len(words) <= 4:
            return None, start
        if raw.lower() in self.not_names:
            return None, start
        return raw, start + len(raw)

    def _name_in_run(self, raw: str) -> tuple[Optional[str], int]:
        """The personal name at the end of a capitalised run ("Bộ Y tế" is cut
        before; "Làng Hà Đào Thị Huệ" → "Đào Thị Huệ"): (name, offset in run)."""
        words = raw.split(" ")
        if 2 <= len(words) <= 4 and not any(w in self.stop_caps for w in words) and (
            words[0] in self.surnames or len(words) <= 3
        ):
            return raw, 0
        best = None
        for i, w in enumerate(words):
            n = len(words) - i
            if w in self.surnames and 2 <= n <= 4:
                rank = {3: 0, 4: 1, 2: 2}[n]
                if best is None or rank < best[0]:
                    best = (rank, i)
        if best is None:
            return None, 0
        i = best[1]
        offset = len(" ".join(words[:i])) + 1
        return " ".join(words[i:]), offset

    def _vouched(self, name: str, text: str, start: int, end: int) -> bool:
        """A name with a known surname stands on its own; otherwise the
        statistical NER model must tag it as a person in a small window."""
        if name.split(" ")[0] in self.surnames:
            return True
        from ..nlp import looks_like_person

        return looks_like_person(name, text[max(0, start - 40) : end + 40])

    def _place_word_before(self, text: str, pos: int) -> bool:
        word = _LAST_WORD.search(text[max(0, pos - 20):pos])
        return bool(word) and word.group(1).lower() in self.place_before

    def _hon(self, word: str) -> Optional[str]:
        return self.honorific_of.get(word.lower())

    def _in_list(self, ctx: Context, pos: int) -> bool:
        """Inside "các đồng chí: A - Role; B - Role" (same sentence)."""
        # bounded look-back: a list of a few dozen people fits in it
        return bool(self.list_head.search(ctx.text, max(ctx.sentence_start(pos), pos - 3000), pos))
