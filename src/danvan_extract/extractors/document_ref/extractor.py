"""The document reference extractor: the grammar and the word sets it reads
from ``rules/documents.toml``, and its scan (a type word and its number,
then the bare codes) with the tests of which matches are references; each
other group of its methods is a mixin of its own module."""

from __future__ import annotations

from typing import Iterator

from ...grammar.levels import NUMBERED, VIETNAMESE_UNITS
from ...grammar.rules import Rules
from ..base.candidates import Candidate
from ..base.context import Context
from ..base.grammar_attributes import GrammarAttributes
from ..base.groups import group_numbers, group_span
from ..base.lexicons import Lexicons
from ..base.matching import match_at
from ..tones import fold_tones
from .codes import NumberCodes, is_code_form
from .fields import ReferenceFields
from .headers import DocumentHeaders
from .issuer_after import IssuerAfter
from .issuer_before import IssuerBefore
from .issuer_names import IssuerNames
from .lists import ListSharing, split_at


class DocumentRefExtractor(ReferenceFields, IssuerAfter, IssuerBefore, IssuerNames, ListSharing, DocumentHeaders,
                           NumberCodes, GrammarAttributes):
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
            if not is_code_form(ctx.text[ref_start:ref_end]):
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
                if not is_code_form(ctx.text[ref_start:ref_end]) and (
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
        chains = split_at(chains, semis)
        head = None
        for chain in chains:
            self._share_tail(chain)
            head = self._share_head(ctx, chain, head)
            self._share_subject(ctx.text, chain)
            yield from chain

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
