"""A document's number: "67/2022/TT-BTC" read into its number, type code,
issuer code and year; the type its code names; whether a bare code is one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class ParsedNumber:
    number: str
    type_code: Optional[str]
    issuer_code: Optional[str]
    year: Optional[int]


class NumberCodes:
    """A document's number and its codes (a mixin of the extractor)."""

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

    def _plausible_bare(self, ref: str) -> bool:
        segs = self.number_split.split(ref)[1:]
        segs = [s for s in segs if not self.four_digits.fullmatch(s)]
        if not segs:
            return False
        # a body's code may carry its term: "QH15" (the 15th National Assembly)
        if segs[0] in self.codes or segs[0] in self.issuer_codes or segs[0].rstrip("0123456789") in self.issuer_codes:
            return True
        return len(segs) >= 2 and all(s.isupper() or s in self.issuer_codes for s in segs[:1])


def is_code_form(ref: str) -> bool:
    """The number carries a code ("25-NQ/TW"), not digits alone, with a
    letter ("30a") or a year ("168/2024")."""
    if ref.isdigit():
        return False
    return any(c.isalpha() for c in ref.lstrip("0123456789.").lstrip("abcdefghijklmnopqrstuvwxyz"))
