"""Document references: "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban chấp
hành Trung ương (Khóa XI) về “...”", "Công điện 134/CĐ-TTg", "Số:67/2022/TT-BTC",
"Quy định 217, 218 của Bộ Chính trị"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterator, Optional

from ..grammar.alternation import alternation
from ..grammar.lazy import deferred, settle
from ..grammar.levels import NUMBERED, VIETNAMESE_UNITS
from ..grammar.rules import Rules
from .base.candidates import Candidate, Spanned
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group_numbers, group_span
from .base.matching import last_word_span, last_match, last_words, match_at, may_end_with
from .base.grammar_attributes import GrammarAttributes
from .tones import fold_tones

_NONSPACE = deferred(r"\S+")  # the words of a clause, with their offsets
_PHRASE_END = deferred(r"[.;](?=\s|$)|\n")  # where a quote never closed stops
# The issuing verb ends the text before a document; looking at this many
# characters is enough for "X đã chính thức ban hành", and the issuer's
# clause is read from at most _CLAUSE_WINDOW characters back.
_VERB_WINDOW = 120
_CLAUSE_WINDOW = 400
# A body joined to a subject ("Sở Nội vụ và Sở Tài chính ban hành") is
# looked for this many characters back, from a comma, colon or line break.
_PARTNER_WINDOW = 200
_CLAUSE_MARK = deferred(r"[,:;\n]")


@dataclass
class ParsedNumber:
    number: str
    type_code: Optional[str]
    issuer_code: Optional[str]
    year: Optional[int]


# The first characters of a footnote mark (see documents.toml footnote_mark):
# a string test before the pattern.
_FOOTNOTE_OPENERS = frozenset("[(¹²³⁴⁵⁶⁷⁸⁹⁰")

# What joins the parts of one body's name ("Khoa học và Công nghệ", "Lao động - Thương binh").
_JOINING = frozenset({"và", "-", "–"})


class DocumentRefExtractor(GrammarAttributes):
    name = "document_ref"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        r: Rules = lex.rules
        d = r.documents
        self.type_of_word = {k.lower(): v for k, v in d.types.items()}
        self.generic = {w.lower() for w in d.type_rules.generic_words}
        self.bare_ok = {w.lower() for w in d.type_rules.bare_number_types}
        self.bare_with_issuer = {w.lower() for w in d.type_rules.bare_with_issuer_types}
        self.codes = d.codes
        # a code typed in lower case ("05-ct/tw", "123/qđ-ubnd") is the same code
        self.codes_folded = {k.casefold(): k for k in d.codes}
        self.issuer_codes = set(d.issuers.codes)
        self.tt_party = set(d.tt_party.issuers)
        self.tt_party_type = d.tt_party.doc_type
        self.surnames = r.lexicon("surnames")
        self.titles = frozenset(r.persons.titles)
        self.title_heads = frozenset(t.split()[0] for t in self.titles)
        self.inner = frozenset(d.issuer.name_words())
        self.area_words = frozenset(d.issuer.area_words)
        # the words an area word's first words make: "các", "các cơ" of "các cơ quan"
        self.area_prefixes = frozenset(" ".join(a.split()[:k]) for a in self.area_words for k in range(1, len(a.split())))
        self.upper_levels = tuple(f"{w} " for w in d.issuer.upper_levels)
        self.level_ends = frozenset(w.split()[-1] for w in d.issuer.level_words)
        # the last words of every unit's level word, as written in lower case
        self.unit_ends = frozenset(w.split()[-1] for w in VIETNAMESE_UNITS)
        self.numbered_ends = frozenset(w.split()[-1] for w in NUMBERED)
        # bodies a number names, one registry with the persons rules ("Ban
        # Chỉ đạo 35", "Quân khu 7"; "Lữ đoàn 147" by its two words, not "Công đoàn 3")
        numbered_names = [w.lower() for w in r.persons.numbered_names]
        self.body_number_words = frozenset(w for w in numbered_names if " " not in w)
        self.body_number_pairs = frozenset(w for w in numbered_names if " " in w)
        self.unit_words = frozenset(VIETNAMESE_UNITS)
        self.relay_codes = tuple(d.issuer.relay_codes)
        self.date_bounds = tuple(d.issuer.date_bounds)
        self.honorifics = frozenset(d.issuer.honorifics)
        self.plural_words = frozenset(d.issuer.plural_words)
        self.instrument_words = frozenset(d.issuer.instrument_words)
        self.instrument_verbs = tuple(d.issuer.instrument_verbs)
        self.joint_codes = frozenset(d.issuer.joint_codes)
        self.joint_words = tuple(d.issuer.joint_words)
        # what a list's head ends with: a colon or a word that opens the list
        self.list_head_ends = (":", *d.issuer.list_openers)
        # the grammar is data: [grammar] in documents.toml, validated at load
        g = r.grammar("document_ref")
        self.with_word_scan = g["with_word"]
        self.bare_scan = g["bare"]  # digit-led: fast in full
        self.scan_patterns = [self.with_word_scan, self.bare_scan]
        self._grammar_attributes(g, {name: name for name in (
            "more", "date_after", "year_after", "term", "and_part", "issuer_stop", "issuer_word", "issuer_after",
            "plenum_after", "list_head", "list_goes_on", "list_bullet", "day_month_after", "clause_follows", "title_after",
            "ve_inside_title", "open_title_after", "verb_before",
            "clause_date", "clause_date_inner", "header_date", "number_split", "list_joiner", "year",
            "four_digits", "joined_type_code", "body_of_follows", "common_partner_tail", "footnote_mark", "lower_syllable", "last_syllable", "number_label", "motto", "passive_after", "verb_after", "named_before", "qualified_before",
            "session_tail", "dash_part", "proposal_of", "proposal_at",
            "conclusion_after", "aside_tail", "aside_after", "plenum_cited_end", "body_number", "passive_issue", "name_comma", "partner_link", "partners_end",
            "partner_before", "comma_part", "about_phrase", "form_label", "clause_year")})

    # ------------------------------------------------------------------
    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        seen: set[int] = set()
        chains: list[list[Candidate]] = []
        last_end = -1
        # items joined by a semicolon, by chain: one list only when a "và"
        # closes the enumeration after them ("A; B; C và D của X")
        semis: dict[int, list[int]] = {}
        for m in ctx.scan(self.with_word_scan):
            # groups by number: a look-up by name costs ten times more
            g = group_numbers(m.re)
            tw = " ".join(m.group(g["tw"]).split()).lower()
            if self._inside_word(ctx.text, m.start()):
                continue
            ref_start, ref_end = m.span(g["ref"])
            if not _is_code_form(ctx.text[ref_start:ref_end]):
                # bare digits: need "số" or a formal type ("Quy định 217")
                so = m.group(g["so"])
                if not so and tw not in self.bare_ok and not (
                        tw in self.bare_with_issuer and m.group(g["ref"]).isdigit()
                        and not self.year.fullmatch(m.group(g["ref"]))
                        and match_at(self.body_of_follows, ctx.text, ref_end, 40)):
                    continue
                if tw in self.generic and not so:
                    continue
                if self._followed_by_counted(ctx, ref_end, m.group(g["tw"])[0].islower()):
                    continue
            generic = tw in self.generic
            start = ref_start if generic else m.start()
            word_type = None if generic else self.type_of_word.get(tw)
            chain = [self._candidate(ctx, start, ref_start, ref_end, word_type, "document_ref.with_word", m.start())]
            seen.add(ref_start)
            pos = ref_end
            while True:
                nxt = match_at(self.more, ctx.text, pos, 80)
                if not nxt:
                    break
                ref_start, ref_end = group_span(nxt, "ref")
                if not _is_code_form(ctx.text[ref_start:ref_end]) and (
                        word_type is None or self._followed_by_counted(ctx, ref_end)):
                    break  # ("Quyết định 1719, 45 xã được hỗ trợ": a count after the list)
                seen.add(ref_start)
                chain.append(self._candidate(ctx, ref_start, ref_start, ref_end, word_type, "document_ref.list"))
                pos = ref_end
            # "Nghị quyết số 66 và Nghị quyết số 68 của ...": one list
            jm = chains and last_end >= 0 and self.list_joiner.fullmatch(ctx.text[last_end : m.start()])
            if jm:
                if jm.group("semi"):
                    semis.setdefault(len(chains) - 1, []).append(len(chains[-1]))
                elif jm.group("closing"):
                    semis.pop(len(chains) - 1, None)  # "A; B; C và D": one enumeration
                chains[-1].extend(chain)
            else:
                chains.append(chain)
            # "Quyết định số 261/QĐ-TTg ngày 22/02/2022, Quyết định số 263/QĐ-TTg
            # ngày 22/02/2022 của …": each item's own date stays inside the list
            dm = match_at(self.date_after, ctx.text, pos, 120)
            last_end = dm.end() if dm else pos
        for m in ctx.scan(self.bare_scan):
            if m.start() in seen or not self._plausible_bare(m.group("ref")):
                continue
            if self.form_label.search(ctx.text, max(0, m.start() - 20), m.start()):
                continue  # "Mẫu số 02/BC-UBND": a form's number
            named = self._named_before(ctx.text, m.start())
            if named:
                # "Luật Đất đai số 31/2024/QH15": the span opens at the type word
                word_type = self.type_of_word.get(" ".join(named.group("tw").split()).lower())
                cand = self._candidate(ctx, named.start(), m.start(), m.end(), word_type, "document_ref.named")
                if cand.fields["issuer"] is None and named.group("of"):
                    # "Nghị quyết của Quốc hội số 60/2025/QH15"
                    cand.fields["issuer"] = self._issuer_run(ctx.text, named.end("of"))[0]
                chains.append([cand])
                continue
            qualified = self._qualified_before(ctx.text, m.start(), m.end())
            if qualified:
                # "Kế hoạch kiểm tra số 05-KH/UBKT": the span opens at the type word
                word_type = self.type_of_word.get(" ".join(qualified.group("tw").split()).lower())
                chains.append([self._candidate(ctx, qualified.start(), m.start(), m.end(), word_type, "document_ref.named")])
                continue
            chains.append([self._candidate(ctx, m.start(), m.start(), m.end(), None, "document_ref.code")])
        chains = _split_at(chains, semis)
        head = None
        for chain in chains:
            self._share_tail(chain)
            head = self._share_head(ctx, chain, head)
            self._share_subject(ctx.text, chain)
            yield from chain

    # ------------------------------------------------------------------
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
            fields["date"], pos = _issue_date(dm, pos)
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

    def parse_number(self, ref: str) -> ParsedNumber:
        """Split "67/2022/TT-BTC" into number, type code, issuer code and year."""
        number = "".join(ref.split())
        parts = self.number_split.split(ref.strip())
        jm = self.joined_type_code.fullmatch(parts[0])
        if jm:
            parts[0:1] = [jm.group(1), jm.group(2)]  # "25 NQ/TW", "45KH/TU": the dash left out
        year = None
        if len(parts) > 1 and self.year.fullmatch(parts[1]):
            year = int(parts[1])
            parts = [parts[0]] + parts[2:]
        segs = parts[1:]
        if not segs:
            return ParsedNumber(number, None, None, year)
        segs = [seg.replace("Ð", "Đ") for seg in segs]
        if segs[0].islower() and segs[0] in self.codes_folded:
            segs[0] = self.codes_folded[segs[0]]
        if segs[0] in self.joint_codes and len(segs) > 2:
            # "01/2015/TTLT-BNV-BTC": every body that issued it
            return ParsedNumber(number, segs[0], "-".join(segs[1:]), year)
        if segs[0] in self.codes:
            return ParsedNumber(number, segs[0], segs[1] if len(segs) > 1 else None, year)
        # State letter "3863/UBND-ĐTXD" or law "120/2020/QH14": the first
        # segment is the issuing body.
        return ParsedNumber(number, None, segs[0], year)

    def _type_from_code(self, parsed: ParsedNumber) -> Optional[str]:
        if parsed.type_code:
            code_type = self.codes[parsed.type_code]
            if parsed.type_code == "TT" and parsed.issuer_code in self.tt_party:
                return self.tt_party_type
            return code_type
        if parsed.issuer_code and not parsed.year:
            return "Công văn"
        return None

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
                fields["date"], pos = _issue_date(dm, pos)
            elif ym:
                fields["year"], pos = int(ym.group("y")), ym.end()
        return pos

    def _joint_word(self, text: str, start: int, ref_start: int) -> bool:
        """The words before the number say the document is a joint one
        ("Kế hoạch liên tịch số", "Quy chế phối hợp số")."""
        words = text[start:ref_start].lower()
        return any(w in words for w in self.joint_words)

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

    @staticmethod
    def _stretch(text: str, start: int, end: int) -> Spanned:
        """``text[start:end]`` with single spaces, as one stretch."""
        return Spanned(" ".join(text[start:end].split()), ((start, end),))

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

    def _inside_word(self, text: str, start: int) -> bool:
        """The lower-case type word at ``start`` is the last syllable of a
        word begun before it ("kỷ luật số", "pháp luật"): no type word."""
        if not text[start:start + 1].islower():
            return False
        prev = self.last_syllable.search(text, max(0, start - 12), start)
        if prev is None:
            return False
        first = text[start:start + 12].split(maxsplit=1)[0]
        return fold_tones(f"{prev.group(1).lower()} {first}") in self.lex.known_words

    def _named_before(self, text: str, start: int):
        """The match of ``named_before`` that ends at ``start`` ("Luật Đất đai
        số "), or None."""
        lo = max(0, start - 120)
        if "số" not in text[lo:start].casefold():
            return None  # a string test first: most references follow no "số"
        return self.named_before.search(text, lo, start)

    def _qualified_before(self, text: str, start: int, end: int):
        """The match of ``qualified_before`` that ends at ``start`` ("Kế hoạch
        kiểm tra số "), when the number at ``start:end`` has a type code that
        names the same type; else None."""
        if "số" not in text[max(0, start - 12):start].casefold():
            return None
        qm = self.qualified_before.search(text, max(0, start - 80), start)
        if qm is None:
            return None
        parsed = self.parse_number(text[start:end])
        word_type = self.type_of_word.get(" ".join(qm.group("tw").split()).lower())
        return qm if parsed.type_code and word_type == self._type_from_code(parsed) else None

    def _plausible_bare(self, ref: str) -> bool:
        segs = self.number_split.split(ref)[1:]
        segs = [s for s in segs if not self.four_digits.fullmatch(s)]
        if not segs:
            return False
        # a body's code may carry its term: "QH15" (the 15th National Assembly)
        if segs[0] in self.codes or segs[0] in self.issuer_codes or segs[0].rstrip("0123456789") in self.issuer_codes:
            return True
        return len(segs) >= 2 and all(s.isupper() or s in self.issuer_codes for s in segs[:1])

    def _followed_by_counted(self, ctx: Context, end: int, verb: bool = False) -> bool:
        """The bare number at ``end`` counts the noun after it ("Quyết định 5
        năm", and after a type word in lower case, the verb, any noun: "kết
        luận 2 vấn đề", "quy định 4 mức hỗ trợ"), so no reference."""
        if match_at(self.year_after, ctx.text, end, 60) or match_at(self.date_after, ctx.text, end, 60):
            return False  # "Chỉ thị số 35 năm 2019", "Kế hoạch số 05 ngày 10/1/2025": an issue date, not days
        noun, nend = self.lex.noun_after(ctx, end)
        if noun in self.lex.designating_verbs and ctx.text[nend - len(noun)].islower():
            return False  # "Nghị định 100 quy định ...": the verb after the document's number
        return noun is not None and (verb or self.lex.is_time_noun(noun) or noun in self.lex.counted)

    def _issuer_run(self, text: str, pos: int) -> tuple[Optional[str], int]:
        """Words of an issuing body from ``pos``: capitalised words and the
        lower-case words of organization names, up to a stop word."""
        end = pos
        words: list[str] = []
        ends: list[int] = []
        p = pos
        while True:
            # the words may stand more than one space apart ("của  UBND  xã")
            q = p + len(text[p:p + 8]) - len(text[p:p + 8].lstrip(" ")) if words else p
            if words and match_at(self.issuer_stop, text, q, 80):
                joined = match_at(self.and_part, text, q, 80)
                if not joined:
                    break
                words.append("và")  # "Sở Nông nghiệp và Phát triển nông thôn"
                p = end = q + 2
                ends.append(end)
                continue
            wm = match_at(self.issuer_word, text, q, 200)
            if not wm and words and text[q:q + 1].isdigit() and self._named_by_number(words):
                # "của Bộ Tư lệnh Quân khu 7", "của Ban Chỉ đạo 35 Tỉnh ủy": its number names the body
                wm = match_at(self.body_number, text, q, 40)
            if not wm and words and (words[-1][0].isupper() or words[-1] in self.inner) and not self._closes_word(words):
                # a lower-case syllable that makes a word with the one
                # before: "Hội đồng", "Bộ trưởng", "Nông nghiệp", "nông thôn"
                # (not with one joined so itself: "Môi trường | hợp nhất",
                # "Bí thư | ký": a syllable is of one word)
                wm = match_at(self.lower_syllable, text, q, 40)
                if wm and fold_tones(f"{words[-1].lower()} {wm.group(0).lower()}") not in self.lex.known_words:
                    wm = None
            if not wm and len(words) > 1 and self._opens_body(words):
                # "Sở Văn hóa, Thể thao và Du lịch": the comma lists the fields of one name
                cm = match_at(self.comma_part, text, p, 40)
                if cm:
                    words[-1] += ","
                    p = cm.end()
                    continue
            if not wm and words:
                # "Sở Văn hóa - Thể thao và Du lịch": the dash joins two parts of one name
                wm = match_at(self.dash_part, text, p, 40)
                if wm:
                    words.append(wm.group(0).strip())
                    p = end = wm.end()
                    ends.append(end)
                    continue
            if not wm:
                break
            w = wm.group(0)
            if not words and not w[0].isupper():
                break
            if words and words[-1] in self.unit_ends and w.islower() and " " not in w and w != "số" \
                    and self._ends_level(words) \
                    and not ((w in self.inner or f"{words[-1].lower()} {w}" in self.area_words)
                             and fold_tones(f"{words[-1]} {w}") in self.lex.known_words):
                # after its level word a body's name goes on with a place's
                # name, not a lower-case word ("của Tỉnh ủy, Đảng ủy xã tổ
                # chức hội nghị"); "Chính sách xã hội", "Tòa án nhân dân khu
                # vực 1" go on with a word of a name or an area word, "xã
                # giao" is a word but none of a name ("của UBND xã giao …");
                # "số" here numbers the unit ("khu phố số 3": issuer_word)
                break
            words.append(w)
            p = end = wm.end()
            ends.append(end)
        keep = self._office_words(words) if words else 0  # "của xã", "của ubnd huyện": no body named
        if not keep:
            return self._office_after_name(text, words, end) if words else (None, pos)
        # words are read one space apart: the name is one stretch
        return Spanned(" ".join(words[:keep]), ((pos, ends[keep - 1]),)), end

    def _named_by_number(self, words: list[str]) -> bool:
        """``words`` end with the name of a body that a number names ("Quân
        khu", "Ban Chỉ đạo", "Lữ đoàn": persons.toml numbered_names)."""
        if not words:
            return False
        last = words[-1].lower()
        return last in self.body_number_words or len(words) > 1 and f"{words[-2].lower()} {last}" in self.body_number_pairs

    def _closes_word(self, words: list[str]) -> bool:
        """The last of ``words`` is in lower case and closes a word begun by
        the one before ("Bí thư"), so it opens no second word ("thư ký")."""
        return len(words) > 1 and words[-1].islower() and \
            fold_tones(f"{words[-2].lower()} {words[-1]}") in self.lex.known_words

    def _ends_level(self, words: list[str]) -> bool:
        """The last of ``words`` is a level word, not the second syllable of
        another word ("Phát triển nông thôn": "nông thôn" is no "thôn")."""
        if len(words) < 2:
            return True
        pair = f"{words[-2].lower()} {words[-1]}"
        return pair in self.unit_words or fold_tones(pair) not in self.lex.known_words

    def _office_after_name(self, text: str, words: list[str], end: int) -> tuple[Optional[str], int]:
        """"của đồng chí Nguyễn Văn Sơn, Bí thư Tỉnh ủy": after a name alone
        (``words``, ending at ``end``), the office set beside it; (None, end)
        when none follows."""
        cm = match_at(self.name_comma, text, end, 10)
        if cm is None:
            return None, end
        office, office_end = self._issuer_run(text, cm.end())
        if office is None or office.split(" ", 1)[0] not in self.title_heads:
            return None, end
        return office, office_end

    def _office_words(self, words: list[str], title_holder: bool = False) -> int:
        """How many of an issuer's ``words`` name the office: an office holder's
        name after the title and body is left out ("Phó Chủ tịch UBND tỉnh
        Nguyễn Văn An"), and a name alone names no body; with
        ``title_holder``, also a name after a title alone (before an
        issuing verb: "Thủ tướng Chính phủ Phạm Minh Chính ký")."""
        if 3 <= len(words) <= 4 and words[0] in self.surnames and all(w[0].isupper() for w in words):
            return 0
        if words[0] not in self.title_heads or not any(" ".join(words[:k]) in self.titles
                                                       for k in range(1, min(4, len(words)) + 1)):
            return len(words)
        keep = len(self._strip_name(words))
        # after a level word a two-word run is as likely a place ("tỉnh Lâm
        # Đồng"), after one written short any run is ("TP. Hồ Chí Minh"); a
        # title alone is no office ("Chủ tịch Hồ Chí Minh")
        if keep < len(words) and (words[keep - 1] in self.level_ends and (len(words) - keep < 3 or words[keep - 1][-1] == ".")
                                  or not title_holder and " ".join(words[:keep]) in self.titles):
            return len(words)
        return keep

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

    def _opens_body(self, run: list[str]) -> bool:
        """The words ``run`` open with the head of an issuing body ("Ban Bí
        thư", "Bộ"): after "và", a second body, not a part of one name."""
        head = " ".join(run[:3])
        return any(head == h or head.startswith(h + " ") for h in self.lex.rules.documents.issuer.body_heads)

    def _strip_name(self, run: list[str]) -> list[str]:
        for i in range(1, len(run)):
            if run[i] in self.surnames and 2 <= len(run) - i <= 4 and all(w[0].isupper() for w in run[i:]):
                return run[:i]
        return run

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

    def _is_header(self, text: str, start: int) -> bool:
        """"Số: 97-QĐ/TW" opening a line: a document header."""
        ls = text.rfind("\n", max(0, start - 40), start) + 1
        return bool(self.number_label.match(text, max(ls, start - 40), start))

    def _header_issuer(self, text: str, start: int) -> Optional[Spanned]:
        """The issuing body of a header "Số: ...": the upper-case lines above
        it, the motto and table bars left out, joined by a space."""
        ls = text.rfind("\n", 0, start) + 1
        lo = max(0, ls - 300)
        offsets = []
        pos = lo
        for line in text[lo:ls].split("\n"):
            offsets.append(pos)
            pos += len(line) + 1
        lines = text[lo:ls].split("\n")
        parts: list[Spanned] = []
        for line, at in reversed(list(zip(lines, offsets))[-6:]):
            pieces = self._header_pieces(line, at)
            flat = " ".join(pieces)
            if not flat:
                continue
            if not any(c.isalpha() for c in flat):
                continue  # "*", "-----": the rule under a party body's name
            if flat != flat.upper():
                break
            parts[:0] = pieces
        return Spanned.joined(parts) if parts else None

    def _header_pieces(self, line: str, at: int) -> list[Spanned]:
        """The words of a header line at offset ``at`` outside the motto and
        table bars, as stretches of single-spaced words."""
        out: list[Spanned] = []
        pos = 0
        cuts = [(m.start(), m.end()) for m in self.motto.finditer(line.replace("|", " "))]
        cuts += [(i, i + 1) for i, ch in enumerate(line) if ch == "|"]
        for a, b in sorted(cuts) + [(len(line), len(line))]:
            if a >= pos:
                seg = line[pos:a]
                lead = len(seg) - len(seg.lstrip())
                seg = seg.strip()
                if seg:
                    s = at + pos + lead
                    out.append(Spanned(" ".join(seg.split()), ((s, s + len(seg)),)))
            pos = max(pos, b)
        return out


def _split_at(chains: list[list[Candidate]], cuts: dict[int, list[int]]) -> list[list[Candidate]]:
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


def _is_code_form(ref: str) -> bool:
    """The number carries a code ("25-NQ/TW"), not digits alone, with a
    letter ("30a") or a year ("168/2024")."""
    if ref.isdigit():
        return False
    return any(c.isalpha() for c in ref.lstrip("0123456789.").lstrip("abcdefghijklmnopqrstuvwxyz"))


def _issue_date(dm, pos: int) -> tuple[Optional[str], int]:
    """(ISO date, position after it) of a ``date_after`` match, or (None,
    ``pos``) when its day or month is out of range."""
    d, mo, y = (dm.group("d"), dm.group("m"), dm.group("y")) if dm.group("y") else (dm.group("d2"), dm.group("m2"), dm.group("y2"))
    if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
        return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}", dm.end()
    return None, pos


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
    from ..dateline import find_published

    published = find_published(text)
    return published[:4] if published else None


settle(globals())
