"""One reference read in full from its number on: the date, term, issuer and
title after it, then where each falls back (a header, a proposal, the
subject of an issuing verb before it, a conclusion's body)."""

from __future__ import annotations

from typing import Optional

from ...grammar.lazy import deferred, settle
from ..base.candidates import Candidate, Spanned
from ..base.context import Context
from ..base.matching import match_at
from .codes import ParsedNumber

_PHRASE_END = deferred(r"[.;](?=\s|$)|\n")  # where a quote never closed stops

# The first characters of a footnote mark (see documents.toml footnote_mark):
# a string test before the pattern.
_FOOTNOTE_OPENERS = frozenset("[(¹²³⁴⁵⁶⁷⁸⁹⁰")


class ReferenceFields:
    """One reference and its fields (a mixin of the extractor)."""

    def _candidate(self, ctx: Context, start: int, ref_start: int, ref_end: int, word_type: Optional[str], rule: str,
                   lead: Optional[int] = None) -> Candidate:
        """The reference whose number is ``ref_start:ref_end``; ``lead`` is where
        its words open when the span does not ("văn bản số 12/UBND-VX")."""
        parsed = self.parse_number(ctx.text[ref_start:ref_end])
        if word_type == "Công văn" and parsed.type_code and self.codes[parsed.type_code] != word_type \
                and parsed.issuer_code not in self.issuer_codes:
            # a state letter's number has no type code: "Công văn số 3456/CT-TTHT"
            # is the letter of the body "CT" (Cục Thuế) and its unit, not a
            # Chỉ thị's ("Công văn số 12/QĐ-UBND" keeps the body UBND)
            parsed = ParsedNumber(parsed.number, None, parsed.type_code, parsed.year)
        doc_type = word_type or self._type_from_code(parsed)
        joint = parsed.type_code in self.joint_codes or self._joint_word(ctx.text, start, ref_start)
        fields = {
            "number": parsed.number,
            "doc_type": doc_type,
            "issuer_code": parsed.issuer_code,
            "year": parsed.year,
            "date": None,
            "issuer": None,
            "title": None,
        }
        pos = ref_end
        if ctx.text[pos:pos + 1] in _FOOTNOTE_OPENERS:
            fm = match_at(self.footnote_mark, ctx.text, pos, 8)
            pos = fm.end() if fm else pos
        dm = match_at(self.date_after, ctx.text, pos, 120)
        if dm and not self._opens_clause(ctx.text, dm):
            fields["date"], pos = issue_date(dm, pos)
        else:
            ym = match_at(self.year_after, ctx.text, pos, 60)
            if ym and fields["year"] is None:
                fields["year"] = int(ym.group("y"))
                pos = ym.end()
            elif not ym:
                # "ngày 10/7" without its year: no issue date, but the issuer follows
                dm = match_at(self.day_month_after, ctx.text, pos, 30)
                pos = dm.end() if dm else pos
        tm = match_at(self.term, ctx.text, pos, 120)
        if tm:
            pos = tm.end()
        # the plenum first: "của Hội nghị lần thứ sáu Ban Chấp hành Trung
        # ương" names the Ban Chấp hành, not the "Hội nghị"
        issuer_pos = pos
        im = match_at(self.plenum_after, ctx.text, pos, 80) or match_at(self.issuer_after, ctx.text, pos, 60)
        if im is None:
            im = self._passive_issuer(ctx.text, pos) or self._issuer_past_aside(ctx.text, pos)
        if im:
            pos = self._issuer_tail(ctx.text, im.end(), fields, joint or bool(im.groupdict().get("between"))) or pos
        ttl = (match_at(self.title_after, ctx.text, pos, 400) or match_at(self.open_title_after, ctx.text, pos, 400)
               or match_at(self.ve_inside_title, ctx.text, pos, 400))
        if ttl:
            ts, te = ttl.span("t")
            te = _balanced_title_end(ctx.text, ts, te)
            title = ctx.text[ts:te]
            ts += len(title) - len(title.lstrip())
            te -= len(title) - len(title.rstrip())
            fields["title"] = _title_value(ctx.text, ts, te)
            if fields["issuer"] is None:
                # "Kế hoạch số 12-KH/TU về “...” của Tỉnh ủy", "… về “...” được
                # HĐND tỉnh thông qua ngày …"
                im = match_at(self.issuer_after, ctx.text, ttl.end(), 60) or self._passive_issuer(ctx.text, ttl.end())
                if im:
                    self._issuer_tail(ctx.text, im.end(), fields, joint or bool(im.groupdict().get("between")))
        elif fields["issuer"] is None:
            # "… về sắp xếp đơn vị hành chính được Quốc hội thông qua ngày …"
            # (a string test first: most "về" phrases name no agent after them)
            ahead = ctx.text[pos:pos + 200].lower()
            am = ("được" in ahead or "do " in ahead) and "về" in ahead[:24] and \
                match_at(self.about_phrase, ctx.text, pos, 200)
            pm = am and self._passive_issuer(ctx.text, am.end())
            if pm:
                self._issuer_tail(ctx.text, pm.end(), fields, joint)
        if fields["issuer"] is None and self._is_header(ctx.text, start):
            fields["issuer"] = self._header_issuer(ctx.text, start)
        if fields["issuer"] is None:
            fields["issuer"] = self._proposer(ctx.text, start if lead is None else lead)
        if fields["issuer"] is None:
            fields["issuer"], clause_date, clause_year = self._issuer_before(ctx, start if lead is None else lead, joint)
            if fields["date"] is None and clause_date:
                fields["date"] = clause_date
            if fields["year"] is None and clause_year:
                fields["year"] = clause_year
        if fields["date"] is None:
            fields["date"], clause_year = self._passive_clause_time(ctx, start if lead is None else lead, ref_end)
            fields["year"] = fields["year"] or clause_year
        if fields["issuer"] is None and not (parsed.issuer_code or "").startswith(self.relay_codes):
            cm = match_at(self.conclusion_after, ctx.text, issuer_pos, 60)
            if cm and (not cm.group("about") or doc_type == "Thông báo"):
                # ("Báo cáo … về kết luận của đoàn kiểm tra" reports on them)
                self._issuer_tail(ctx.text, cm.end(), fields)
        if fields["date"] is None and self._is_header(ctx.text, start):
            hm = self.header_date.search(ctx.text, ref_end, min(len(ctx.text), ref_end + 400))
            if hm:
                fields["date"] = f"{int(hm.group('y')):04d}-{int(hm.group('m')):02d}-{int(hm.group('d')):02d}"
        if fields["year"] is None and fields["date"]:
            fields["year"] = int(fields["date"][:4])
        if fields["doc_type"] == "Thông tư" and word_type is None and parsed.issuer_code in self.tt_party:
            fields["doc_type"] = self.tt_party_type
        return Candidate("document_ref", start, ref_end, rule, fields)

    def _joint_word(self, text: str, start: int, ref_start: int) -> bool:
        """The words before the number say the document is a joint one
        ("Kế hoạch liên tịch số", "Quy chế phối hợp số")."""
        words = text[start:ref_start].lower()
        return any(w in words for w in self.joint_words)

    def _opens_clause(self, text: str, dm) -> bool:
        """The date matched by ``dm`` stands between commas before a capital:
        it opens the next clause ("Nhằm cụ thể hóa Nghị quyết số 05-NQ/TU,
        ngày 12/2/2025, Ban Thường vụ … ban hành …"), it is not the issue date."""
        if not ("," in text[dm.start():dm.start("d") if dm.group("d") else dm.start("d2")]
                and self.clause_follows.match(text, dm.end())):
            return False
        # "…, ngày 25/10/2017, Hội nghị lần thứ sáu Ban Chấp hành Trung ương
        # khóa XII, …": the plenum that issued it, when no verb of its own follows
        pm = match_at(self.plenum_after, text, dm.end(), 80)
        if pm is None:
            return True
        _, end = self._issuer_run(text, pm.end())
        tm = match_at(self.term, text, end, 120)
        return end == pm.end() or not match_at(self.plenum_cited_end, text, tm.end() if tm else end, 20)


def _balanced_title_end(text: str, ts: int, te: int) -> int:
    """Where a quoted title ends when it quotes a name itself: "“Xây dựng
    mô hình “Dân vận khéo” giai đoạn 2023-2025”" closes at the last quote;
    when that last quote is missing, at the end of the phrase."""
    depth = text.count("“", ts, te)  # quotes opened inside the title
    while depth and text[te:te + 1] == "”":
        limit = min(len(text), te + 300)
        nxt = text.find("”", te + 1, limit)
        pe = _PHRASE_END.search(text, te + 1, nxt if nxt >= 0 else limit)
        if pe or nxt < 0:
            # the outer quote is never closed: the title runs to the end of its phrase
            return pe.start() if pe else (limit if limit == len(text) else te)
        depth += text.count("“", te, nxt) - 1
        te = nxt
    return te


def _title_value(text: str, ts: int, te: int) -> Spanned:
    """The title at ``ts:te``; one that runs across a line break is its
    lines' stretches joined by a space."""
    if "\n" not in text[ts:te]:
        return Spanned.at(text, ts, te)
    parts, pos = [], ts
    for line in text[ts:te].split("\n"):
        lead = len(line) - len(line.lstrip())
        if line.strip():
            parts.append(Spanned.at(text, pos + lead, pos + lead + len(line.strip())))
        pos += len(line) + 1
    return Spanned.joined(parts)


def issue_date(dm, pos: int) -> tuple[Optional[str], int]:
    """(ISO date, position after it) of a ``date_after`` match, or (None,
    ``pos``) when its day or month is out of range."""
    d, mo, y = (dm.group("d"), dm.group("m"), dm.group("y")) if dm.group("y") else (dm.group("d2"), dm.group("m2"), dm.group("y2"))
    if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
        return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}", dm.end()
    return None, pos


settle(globals())
