"""The issuer named before a document: the subject of an issuing verb ("UBND
tỉnh đã ban hành Kế hoạch số …") with the bodies joined to it, and the date
or year of its clause ("Ngày 9/7/2024, X ban hành …", "Năm 2024, Kế hoạch
số … đã được X ban hành")."""

from __future__ import annotations

from functools import cached_property
from typing import Optional

from ...grammar.alternation import alternation
from ...grammar.lazy import deferred, settle
from ..base.candidates import Spanned
from ..base.context import Context
from ..base.matching import last_word_span, last_words, match_at, may_end_with
from ..tones import fold_tones

_NONSPACE = deferred(r"\S+")  # the words of a clause, with their offsets
# The issuing verb ends the text before a document; looking at this many
# characters is enough for "X đã chính thức ban hành", and the issuer's
# clause is read from at most _CLAUSE_WINDOW characters back.
_VERB_WINDOW = 120
_CLAUSE_WINDOW = 400
# A body joined to a subject ("Sở Nội vụ và Sở Tài chính ban hành") is
# looked for this many characters back, from a comma, colon or line break.
_PARTNER_WINDOW = 200
_CLAUSE_MARK = deferred(r"[,:;\n]")

# What joins the parts of one body's name ("Khoa học và Công nghệ", "Lao động - Thương binh").
_JOINING = frozenset({"và", "-", "–"})


class IssuerBefore:
    """The subject of an issuing verb before the document (a mixin of the extractor)."""

    def _issuer_before(self, ctx: Context, start: int,
                       joint: bool = False) -> tuple[Optional[str], Optional[str], Optional[int]]:
        """"X (đã/vừa) ban hành|ký <document>": X is the issuer (with the
        bodies joined to it, see ``_partners_before``); a clause date ("Ngày
        9/7/2024, X ban hành ...") is the issue date, a clause month or year
        ("Tháng 6/2025, X ban hành ...", "Năm 2023, ...") the issue year:
        (issuer, date, year)."""
        text = ctx.text
        start, instrument = self._verb_end(text, start)
        if not may_end_with(ctx, max(0, start - _VERB_WINDOW), start, self.verb_ends):
            return None, None, None  # no issuing verb before the document: most
        sentence = ctx.sentence_start(start)
        # Look back a bounded window, so a page-long "sentence" with
        # thousands of mentions stays linear.
        ls = max(sentence, text.rfind(";", max(sentence, start - _CLAUSE_WINDOW), start) + 1)
        lo = max(ls, start - _CLAUSE_WINDOW)
        vm = self.verb_before.search(text, max(lo, start - _VERB_WINDOW), start)
        if not vm:
            return None, None, None
        clause = text[lo : vm.start()]
        # "HĐND tỉnh khóa XVII, kỳ họp thứ 12 đã thông qua": the body before its term and session
        if "kh" in clause or "kỳ" in clause or "lần" in clause:  # (most clauses name none: skip the search)
            clause = clause[: self.session_tail.search(clause).start()]
        if "phối hợp" in clause or "cùng" in clause:
            # "Ủy ban MTTQ xã phối hợp với các đoàn thể ban hành": the partners
            # named in common words leave the subject the issuer
            pm = self.common_partner_tail.search(clause)
            clause = clause[: pm.start()] if pm else clause
        if clause.endswith(")"):
            # "UBND tỉnh Tuyên Quang (mới) ban hành": the name ends before the bracket
            am = self.aside_tail.search(clause)
            clause = clause[: am.start()] if am else clause
        cut = self._name_cut(clause)
        word_spans = self._area_joined(text, [(lo + w.start(), lo + w.end()) for w in _NONSPACE.finditer(clause, cut + 1)])
        words = [text[a:b] for a, b in word_spans]
        # keep the trailing run of issuer words; drop a personal name at its end
        run: list[str] = []
        inner, areas = self.inner, self.area_words
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            joins = i > 0 and fold_tones(f"{words[i - 1].lower()} {w.lower()}") in self.lex.known_words
            # "Kho bạc Nhà nước khu vực VII", "Ngân hàng … chi nhánh tỉnh"
            area = run and (run[0][0].isupper() or run[0].lower() in inner) and w.lower() in areas
            # the number of a unit a number names: "Chi bộ thôn 3 ban hành"
            numbered = w.isdigit() and len(w) <= 3 and i > 0 and (
                words[i - 1].lower() in self.numbered_ends
                or i > 1 and words[i - 1] == "số" and words[i - 2].lower() in self.numbered_ends)
            # ... or of a body a number names, where its name ends or goes on
            # with a capital: "Sư đoàn 9 ban hành", "Ban Chỉ đạo 35 Tỉnh ủy
            # ban hành" (not "Ban Chỉ đạo 3 xã": three communes)
            numbered = numbered or (w.isdigit() and len(w) <= 3 and (not run or run[0][0].isupper())
                                    and self._named_by_number(words[:i]))
            # ... and the "số" before it: "Chi bộ tổ dân phố số 5 ban hành"
            numbered = numbered or (w == "số" and run[:1] == [words[i + 1]] and run[0].isdigit()
                                    and i > 0 and words[i - 1].lower() in self.numbered_ends)
            if w[0].isupper() or w.lower() in inner or area or numbered or (
                    joins and (words[i - 1][0].isupper() or words[i - 1].lower() in inner)):
                run.insert(0, w)  # "Hội đồng nhân dân tỉnh", "Bộ trưởng Bộ Tài chính", "nông thôn"
            elif w in _JOINING and run and run[0][0].isupper() and not self._opens_body(run):
                # "Sở Khoa học và Công nghệ", "Bộ Lao động - Thương binh và Xã hội": the parts of one name
                run.insert(0, w)
            else:
                break
        while run and not run[0][0].isupper():
            run.pop(0)
        if len(run) > 2 and f"{run[0]} {run[1]}".lower() in self.honorifics:
            run = run[2:]  # "Đồng chí Bí thư Tỉnh ủy đã ký": the office
        first = len(words) - len(run)
        run = run[:self._office_words(run, title_holder=True)] if run else run
        if instrument and not self._opens_body(run):
            return None, None, None  # "Đề án phê duyệt tại Quyết định": no body
        issuer = Spanned(" ".join(run), ((word_spans[first][0], word_spans[first + len(run) - 1][1]),)) if run else None
        date = None
        if issuer:
            issuer = self._partners_before(text, ls, issuer, joint)
            # at the clause's start, or right before the issuer's own clause
            # ("Nhằm ..., ngày 23/1, UBND tỉnh ban hành ...")
            cm = self.clause_date.match(text, ls, start)
            # (the issuer opens that clause, after "đồng chí" at most)
            if cm is None and cut >= 0 and first <= 2:
                for m in self.clause_date_inner.finditer(text, max(lo, lo + cut - 40), lo + cut + 1):
                    cm = m if m.end() == lo + cut + 1 else None
                if cm and text[max(0, cm.start() - 10):cm.start()].rstrip().lower().endswith(self.date_bounds):
                    cm = None  # "Đến ngày 30/6/2025, UBND tỉnh đã ban hành …": a bound, not the issue
            date = _clause_day(text, cm)
        ym = None if date or not issuer else self.clause_year.match(text, ls, start)
        return issuer, date, ym and int(ym.group("y") or ym.group("y2") or ym.group("y3"))

    def _partners_before(self, text: str, lo: int, issuer: Spanned, joint: bool) -> Spanned:
        """The subject ``issuer`` of an issuing verb with the bodies joined
        to it before, in its own clause opening at or after ``lo`` ("Sở Nội
        vụ và Sở Tài chính ban hành", "Bộ Chính trị, Ban Bí thư ban hành"):
        for a joint document any named body, else bodies whose names open
        with a body's head; "X phối hợp với Y ban hành" a document not
        joint is X's."""
        while True:
            start = issuer.spans[0][0]
            # a partner's name and its link are short: look back a bounded
            # stretch that opens at the clause or after a comma
            at = max(lo, start - _PARTNER_WINDOW)
            if at > lo:
                cut = _CLAUSE_MARK.search(text, at, start)
                if cut is None:
                    return issuer
                at = cut.end()
            pm = self.partner_before.search(text[at:start])
            if pm is None:
                return issuer
            x_start, x_end = at + pm.start("x"), at + pm.end("x")
            partner, end = self._issuer_run(text, x_start)
            if not partner or not getattr(partner, "spans", None):
                return issuer
            if pm.group("comma") and partner.spans[-1][1] == issuer.spans[-1][1]:
                issuer = partner  # "Bộ Văn hóa, Thể thao và Du lịch ban hành": one name
                continue
            if end != x_end:
                return issuer
            if not joint and pm.group("with"):
                return partner
            if not joint and not (self._opens_body(partner.split()) and self._opens_body(issuer.split())):
                return issuer
            issuer = self._stretch(text, partner.spans[0][0], issuer.spans[-1][1])

    def _passive_clause_time(self, ctx: Context, start: int, ref_end: int) -> tuple[Optional[str], Optional[int]]:
        """"Ngày 5/5/2025, Kế hoạch số … đã được UBND tỉnh ban hành": the date
        of the clause the document opens, when its sentence says it was
        issued, or the clause's year ("Năm 2024, Kế hoạch số … đã được UBND
        xã ban hành"): (date, year), None where the clause gives none."""
        before = ctx.text[max(0, start - 40):start].rstrip()
        if not before.endswith(",") or not any(c.isdigit() for c in before):
            return None, None  # (most documents open no clause after a date)
        ls = ctx.sentence_start(start)
        cm = self.clause_date.match(ctx.text, ls, start) or self.clause_year.match(ctx.text, ls, start)
        if cm is None or ctx.text[cm.end():start].strip() or not match_at(self.passive_issue, ctx.text, ref_end, 160):
            return None, None
        if "d" not in cm.re.groupindex:
            return None, int(cm.group("y") or cm.group("y2") or cm.group("y3"))
        return _clause_day(ctx.text, cm), None

    def _verb_end(self, text: str, start: int) -> tuple[int, bool]:
        """Where an issuing verb before the document at ``start`` would end:
        before a plural word ("thông qua các Nghị quyết") and, after the
        approving verb, before the word that names the instrument ("phê
        duyệt tại Quyết định"); and whether that instrument word was passed."""
        a, b = last_word_span(text, max(0, start - 8), start)
        word = text[a:b].lower()
        if word in self.plural_words:
            start = a
            a, b = last_word_span(text, max(0, a - 8), a)
            word = text[a:b].lower()
        if word in self.instrument_words and text[max(0, a - 30):a].rstrip().lower().endswith(self.instrument_verbs):
            return a, True
        return start, False

    def _name_cut(self, clause: str) -> int:
        """Where the issuer's clause opens: after its last comma or colon, or
        after the comma before that when the last one only adds the level
        above ("UBND xã Mường Lát, tỉnh Thanh Hóa ban hành")."""
        cut = max(clause.rfind(","), clause.rfind(":"))
        if cut > 0 and clause[cut - 1:cut].isalpha() and clause[cut + 1:].lstrip(" ").startswith(self.upper_levels):
            cut = max(clause.rfind(",", 0, cut), clause.rfind(":", 0, cut))
        return cut

    def _area_joined(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The word spans with the words of an area word ("khu vực", "các cơ
        quan") as one."""
        areas, prefixes = self.area_words, self.area_prefixes
        out: list[tuple[int, int]] = []
        partial = None  # the words of the last span, when they open an area word
        for a, b in spans:
            if partial is not None:
                joined = f"{partial} {text[a:b].lower()}"
                if joined in areas or joined in prefixes:
                    out[-1] = (out[-1][0], b)
                    partial = joined if joined in prefixes else None
                    continue
            out.append((a, b))
            word = text[a:b].lower()
            partial = word if word in prefixes else None
        return out

    @cached_property
    def verb_ends(self) -> Optional[frozenset[str]]:
        """The issuing verbs' last words, when ``verb_before`` ends with
        white space, a verb and white space (as written in documents.toml);
        else None: no string test before it."""
        verbs = self.lex.rules.documents.issuer.issue_verbs
        tail = rf"\s+(?:{alternation(verbs)})\s*$"
        return last_words(verbs) if self.verb_before.pattern.endswith(tail) else None


def _clause_day(text: str, cm) -> Optional[str]:
    """The ISO date of a ``clause_day`` match (a day without its year takes
    the article's year), or None when there is no year or it is out of range."""
    year = cm and (cm.group("y") or _article_year(text))
    if cm and year and 1 <= int(cm.group("m")) <= 12 and 1 <= int(cm.group("d")) <= 31:
        return f"{int(year):04d}-{int(cm.group('m')):02d}-{int(cm.group('d')):02d}"
    return None


def _article_year(text: str) -> Optional[str]:
    """The year of the article's own date line: a clause date without a
    year ("Ngày 23/1, UBND tỉnh ban hành ...") takes it (FACTS.md)."""
    from ...dateline import find_published

    published = find_published(text)
    return published[:4] if published else None


settle(globals())
