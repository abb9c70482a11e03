"""What the items of one list of references share: the issuer a list's
head names ("Các văn bản của Bộ Chính trị: …"), the subject before its first
item, the tail after its last ("Quy định 217, 218 của Bộ Chính trị"); and
where semicolons cut a chain into lists."""

from __future__ import annotations

from typing import Optional

from ..base.candidates import Candidate
from ..base.context import Context
from ..base.matching import match_at


class ListSharing:
    """What a list's items share (a mixin of the extractor)."""

    def _share_head(self, ctx: Context, chain: list[Candidate], head: Optional[tuple]) -> Optional[tuple]:
        """"Các văn bản của Bộ Chính trị: Nghị quyết số 66-NQ/TW, ...": a
        list's head names the issuer of every item, also of the items after
        a semicolon ("do UBND tỉnh ban hành: Quyết định số …; Kế hoạch số
        …").  ``head`` is (issuer, end) of the list before ``chain``; returns
        that of the list through ``chain`` (None when it has no head)."""
        issuer = None
        if head and self.list_goes_on.fullmatch(ctx.text, head[1], chain[0].start):
            issuer = head[0]
        elif not all(c.fields["issuer"] for c in chain):
            start = self._bulleted_run_start(ctx.text, chain[0].start)
            # (a string test first: most documents follow no list's head)
            ends = ctx.text[max(0, start - 16):start].rstrip().endswith(self.list_head_ends)
            hm = ends and self.list_head.search(ctx.text, max(0, start - 200), start)
            if hm:
                issuer, _ = self._issuer_run(ctx.text, hm.start("who"))
                if issuer and (hm.group("vb") or hm.group("soft")) and not self._opens_body(issuer.split()):
                    issuer = None  # "Kết quả có: …": no body issued the list
        if not issuer:
            return None
        for cand in chain:
            cand.fields["issuer"] = cand.fields["issuer"] or issuer
        return issuer, chain[-1].end

    def _bulleted_run_start(self, text: str, start: int) -> int:
        """Where the run of bulleted lines that holds the item at ``start``
        opens ("của Tỉnh ủy:\n- Nghị quyết …;\n- Chỉ thị …"), or ``start``
        when the item opens no bulleted line."""
        line = text.rfind("\n", 0, start) + 1
        bm = self.list_bullet.match(text, line, start)
        if bm is None or bm.end() != start:
            return start
        while line > 0:
            prev = text.rfind("\n", 0, line - 1) + 1
            if not self.list_bullet.match(text, prev, line):
                break
            line = prev
        return line

    def _share_subject(self, text: str, chain: list[Candidate]) -> None:
        """"Tỉnh ủy ban hành Nghị quyết số 05-NQ/TU và 06-NQ/TU": an issuer
        named before the first item (the subject of the issuing verb) issued
        every item that names none of its own; the clause's date ("Ngày
        12/12/2013, Bộ Chính trị ban hành …") dates every such item, and
        the clause's year ("Năm 2023, …") gives it its year."""
        first = chain[0].fields
        issuer = first["issuer"]
        if len(chain) < 2 or not getattr(issuer, "spans", None) or issuer.spans[-1][1] > chain[0].start:
            return
        # a date of the first item not written after its number is the clause's
        clause_date = first["date"] if first["date"] and not match_at(self.date_after, text, chain[0].end, 120) else None
        # … and so is a year not from its number nor written after it ("Năm 2023, X ban hành …")
        clause_year = first["year"] if not first["date"] and first["year"] and self.parse_number(
            first["number"]).year is None and not match_at(self.year_after, text, chain[0].end, 60) else None
        for cand in chain[1:]:
            if cand.fields["issuer"] is None:
                cand.fields["issuer"] = issuer
                if clause_date and cand.fields["date"] is None:
                    cand.fields["date"] = clause_date
                    cand.fields["year"] = cand.fields["year"] or int(clause_date[:4])
                elif clause_year and cand.fields["year"] is None:
                    cand.fields["year"] = clause_year

    @staticmethod
    def _share_tail(chain: list[Candidate]) -> None:
        """"Quy định 217, 218 của Bộ Chính trị": the tail after the last
        number applies to every number of the list; so does the last
        number's code to the bare numbers listed right before it under one
        type word ("Quyết định số 1234, 1235/QĐ-UBND": both of the UBND;
        not "Quyết định 1719 và Quyết định số 90/QĐ-TTg")."""
        if len(chain) < 2:
            return
        last = chain[-1].fields
        for cand in chain[:-1]:
            for key in ("issuer", "title", "date"):
                if cand.fields[key] is None and last[key] is not None:
                    cand.fields[key] = last[key]
            code = cand.fields["issuer_code"]
            if code and last["issuer_code"] and code != last["issuer_code"] and cand.fields["issuer"] is last["issuer"]:
                # "Nghị định số 101/2024/NĐ-CP và Quyết định số 20/2024/QĐ-UBND
                # của UBND tỉnh": the code names another issuing body
                cand.fields["issuer"] = None
            if cand.fields["year"] is None and cand.fields["date"]:
                cand.fields["year"] = int(cand.fields["date"][:4])
        for i in range(len(chain) - 2, -1, -1):
            cand = chain[i]
            if chain[i + 1].rule != "document_ref.list" or not cand.fields["number"].isdigit():
                break
            cand.fields["issuer_code"] = cand.fields["issuer_code"] or last["issuer_code"]


def split_at(chains: list[list[Candidate]], cuts: dict[int, list[int]]) -> list[list[Candidate]]:
    """``chains`` with chain ``i`` cut before each item index in ``cuts[i]``."""
    if not cuts:
        return chains
    out = []
    for i, chain in enumerate(chains):
        prev = 0
        for at in cuts.get(i, ()):
            out.append(chain[prev:at])
            prev = at
        out.append(chain[prev:])
    return out
