"""The issuer named after a document's number ("của UBND tỉnh ngày …",
"được Quốc hội thông qua", past a bracketed aside), with the bodies joined
to it; and the body whose proposal a document answers ("Theo đề nghị của X
tại Tờ trình số …")."""

from __future__ import annotations

from typing import Optional

from ..base.candidates import Spanned
from ..base.matching import last_match, match_at
from .fields import issue_date


class IssuerAfter:
    """The issuer after the number (a mixin of the extractor)."""

    def _issuer_tail(self, text: str, pos: int, fields: dict, joint: bool = False) -> Optional[int]:
        """Read the issuer that opens at ``pos`` into ``fields``, then its term,
        an issuing verb and the date or year after them ("do HĐND huyện khóa
        XX thông qua ngày …", "được X ban hành năm 2014"); the position after
        them, or None when no issuer opens there.  ``joint``: the document
        is one several bodies issue together."""
        issuer, pos = self._issuer_run(text, pos)
        if not issuer:
            return None
        issuer, pos = self._partners_after(text, issuer, pos, joint)
        fields["issuer"] = issuer
        pos = self._past_aside(text, pos)
        tm = match_at(self.term, text, pos, 120)
        if tm:
            pos = tm.end()
        vm = match_at(self.verb_after, text, pos, 60)
        if vm:
            pos = vm.end()
        if fields["date"] is None:
            # "của UBND tỉnh ngày 5/3/2024 về ...": the date after the issuer
            dm = match_at(self.date_after, text, pos, 120)
            ym = None if dm or fields["year"] else vm and match_at(self.year_after, text, pos, 60)
            if dm:
                fields["date"], pos = issue_date(dm, pos)
            elif ym:
                fields["year"], pos = int(ym.group("y")), ym.end()
        return pos

    def _partners_after(self, text: str, issuer: Spanned, end: int, joint: bool) -> tuple[Spanned, int]:
        """The issuer ``issuer`` (read up to ``end``) with the bodies joined
        to it ("của Bộ Nội vụ và Bộ Tài chính", "của Bộ Chính trị, Ban Bí
        thư về …"): for a joint document any named body, else bodies only
        where the names end the phrase; the issuer and the position after it."""
        last, last_end = None, end
        while True:
            lm = match_at(self.partner_link, text, last_end, 40)
            if lm is None or (lm.group("with") and not joint):
                break
            nxt, nend = self._issuer_run(text, lm.end())
            if not nxt or not getattr(nxt, "spans", None) or not (joint or self._opens_body(nxt.split())):
                break
            last, last_end = nxt, nend
        if last is None or not (joint or match_at(self.partners_end, text, last_end, 40)):
            return issuer, end
        return self._stretch(text, issuer.spans[0][0], last.spans[-1][1]), last_end

    def _passive_issuer(self, text: str, pos: int):
        """"… được Quốc hội thông qua": the match that opens the issuer, when
        an issuing verb follows its name; else None."""
        pm = match_at(self.passive_after, text, pos, 60)
        if pm is None:
            return None
        _, end = self._issuer_run(text, pm.end())
        return pm if end > pm.end() and match_at(self.verb_after, text, self._past_aside(text, end), 60) else None

    def _past_aside(self, text: str, pos: int) -> int:
        """The position after a bracket at ``pos`` that tells which body the
        name before it is ("(mới)", "(tỉnh Gia Lai)"); ``pos`` when none."""
        if text[pos:pos + 2].lstrip(" ")[:1] != "(":
            return pos  # (a string test first: most names end without one)
        am = match_at(self.aside_after, text, pos, 60)
        return am.end() if am else pos

    def _issuer_past_aside(self, text: str, pos: int):
        """"Quyết định số 22/2023/QĐ-UBND (sửa đổi Quyết định số …) của UBND
        tỉnh", "Luật số 65/2025/QH15 (Luật Tổ chức …) được Quốc hội thông
        qua": the "của X" or passive "được X <issuing verb>" after a
        bracketed aside, as the match that opens the issuer; else None."""
        op = text.find("(", pos, pos + 4)
        if op < 0 or text[pos:op].strip(" "):
            return None
        close = text.find(")", op, op + 200)
        if close < 0 or "\n" in text[op:close] or "(" in text[op + 1:close]:
            return None
        return match_at(self.issuer_after, text, close + 1, 60) or self._passive_issuer(text, close + 1)

    def _proposer(self, text: str, start: int) -> Optional[Spanned]:
        """"Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …": the body
        whose proposal the document at ``start`` is; else None."""
        if not text.endswith("tại ", 0, start):
            return None
        pm = last_match(self.proposal_of, text, max(0, start - 150), start)
        if pm is None:
            return None
        issuer, end = self._issuer_run(text, pm.end())
        return issuer if issuer and self.proposal_at.match(text, end, start) else None
